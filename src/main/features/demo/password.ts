/**
 * The password of every made-up colleague in a demo database. It is shown on the sign-in screen
 * of a demo database only (never for real data), so anyone can try the demo.
 */
export const DEMO_WACHTWOORD = 'demo-lange-adem'
