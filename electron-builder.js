// Installers for IT (electron-builder): Windows NSIS per user and MSI per machine, macOS dmg
// (and zip, which macOS updates need), Linux deb and AppImage. `npm run dist` (scripts/dist.mjs)
// builds the ones for the machine it runs on; see "Installing and updating" in the README.
//
// Set at build time, never in this file:
//   LANGE_ADEM_UPDATE_URL      https address of the municipality's update folder (electron-updater's
//                              generic provider). Without it the installed app never updates itself.
//   LANGE_ADEM_PUBLISHER_NAME  the subject name (CN) of the municipality's code-signing certificate.
//                              Windows updates are checked against it; required there with an update URL.
//   LANGE_ADEM_CERT_SUBJECT    (Windows) sign with the certificate of that subject in the certificate
//                              store, e.g. on a hardware token; or electron-builder's CSC_LINK and
//                              CSC_KEY_PASSWORD for a .pfx file. macOS: CSC_LINK (Developer ID) and
//                              APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID for notarisation.
//   LANGE_ADEM_MAINTAINER      (Linux) the deb package's maintainer, "Name <email>".

/** The application's identity; changing it makes a different app for Windows and macOS. */
export const APP_ID = 'nl.lange-adem.desktop'
export const PRODUCT_NAME = 'Lange Adem'
/** Ties every MSI version together so a new one replaces the old. Never change it. */
export const MSI_UPGRADE_CODE = '593ab9cf-4a57-48b4-8c27-8382ee2df820'

/**
 * The configuration for one build. `kind: 'msi'` is the per-machine MSI, built without an update
 * location: IT (Intune, SCCM) rolls out each new MSI, and electron-updater cannot update an MSI
 * install anyway.
 */
export function builderConfig({ env = process.env, platform = process.platform, kind = 'default' } = {}) {
  const updateUrl = env.LANGE_ADEM_UPDATE_URL || null
  const publisher = env.LANGE_ADEM_PUBLISHER_NAME || null
  if (updateUrl && !/^https:\/\/[^/\s]+/.test(updateUrl))
    throw new Error(`LANGE_ADEM_UPDATE_URL must be an https:// address, not ${updateUrl}`)
  if (updateUrl && platform === 'win32' && !publisher)
    throw new Error(
      'LANGE_ADEM_UPDATE_URL is set but LANGE_ADEM_PUBLISHER_NAME is not: without the publisher name ' +
        'electron-updater installs Windows updates without checking their signature.',
    )
  const publishes = Boolean(updateUrl) && kind !== 'msi'

  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    executableName: 'lange-adem',
    copyright: 'Lange Adem',
    directories: { output: 'dist' },
    files: [
      'out/**/*',
      'package.json',
      // The browser mode (a web server), the team server, the benchmarks and the command line run
      // under Node only, and so do the chunks only they import (the plain development key file,
      // the bench's fixtures, the HTTP servers, the certificate generator).
      '!out/main/{web,bench,cli,server}.js',
      '!out/main/chunks/{dev-key,fixtures,server,team-server,x509}-*.js',
      // Only the JavaScript of the SQLite package: its own binding is built for Node, and the
      // Electron one goes beside the archive (extraResources below).
      '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
      '!node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
    ],
    asar: true,
    // A native module cannot load from inside app.asar: the Electron binding prepared by
    // scripts/electron-binding.mjs goes to resources/electron-binding/ (shell/native-binding.ts).
    extraResources: [
      {
        from: 'electron-binding/${platform}-${arch}',
        to: 'electron-binding',
        filter: ['better_sqlite3.node'],
      },
    ],
    // electron-builder must not rebuild node_modules for Electron: that would replace the Node
    // binding the tests use. The Electron binding is prepared on its own.
    npmRebuild: false,
    nodeGypRebuild: false,
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    },
    publish: publishes ? [{ provider: 'generic', url: updateUrl }] : null,

    win: {
      target: kind === 'msi' ? ['msi'] : ['nsis'],
      forceCodeSigning: Boolean(updateUrl),
      signtoolOptions: {
        signingHashAlgorithms: ['sha256'],
        ...(publisher ? { publisherName: [publisher] } : {}),
        ...(env.LANGE_ADEM_CERT_SUBJECT ? { certificateSubjectName: env.LANGE_ADEM_CERT_SUBJECT } : {}),
      },
      verifyUpdateCodeSignature: true,
    },
    nsis: {
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      runAfterFinish: true,
      deleteAppDataOnUninstall: false,
      artifactName: 'Lange-Adem-${version}-per-gebruiker-${arch}.${ext}',
    },
    msi: {
      oneClick: true,
      perMachine: true,
      runAfterFinish: false,
      upgradeCode: MSI_UPGRADE_CODE,
      artifactName: 'Lange-Adem-${version}-per-computer-${arch}.${ext}',
    },

    mac: {
      target: ['dmg', 'zip'],
      category: 'public.app-category.business',
      hardenedRuntime: true,
      forceCodeSigning: Boolean(updateUrl),
    },
    dmg: { artifactName: 'Lange-Adem-${version}-${arch}.${ext}' },

    linux: {
      target: ['deb', 'AppImage'],
      category: 'Office',
      synopsis: 'Vroegsignalering van betalingsachterstanden',
      maintainer: env.LANGE_ADEM_MAINTAINER || 'Lange Adem',
      // On Linux electron-updater checks no signature: updates come from the package manager.
      publish: null,
    },
    deb: { artifactName: 'lange-adem_${version}_${arch}.${ext}' },
    appImage: { artifactName: 'Lange-Adem-${version}-${arch}.${ext}' },
  }
}

// electron-builder calls a function default export. scripts/dist.mjs sets LANGE_ADEM_BUILD_KIND=msi
// for the MSI run.
export default () => builderConfig({ kind: process.env.LANGE_ADEM_BUILD_KIND === 'msi' ? 'msi' : 'default' })
