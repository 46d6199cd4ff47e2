/**
 * The version of Lange Adem, the same as package.json's (a test checks it): electron-builder
 * names the installers and the update feed after package.json, and app.status reports this one.
 *
 * Team mode (issue 18) will need the desktop app and the server to agree before any call is
 * forwarded. The plan: the client sends APP_VERSION when it connects, both sides import it
 * from here, and the server refuses a client of another version with a Dutch message that
 * says which version to install. One constant in src/shared keeps that check a comparison of
 * two values, with no build-time plumbing.
 */
export const APP_VERSION = '0.1.0'
