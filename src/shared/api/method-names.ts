/**
 * The API's method names as a plain list, for the preload: a sandboxed preload can only load
 * `electron`, so it must not pull in the schemas. `index.ts` checks at compile time that this
 * list and the contract name exactly the same methods.
 */
export const METHOD_NAMES = [
  'app.status',
  'setup.complete',
  'setup.loadDemo',
  'session.team',
  'session.signIn',
  'session.signOut',
  'settings.get',
  'settings.saveTeam',
  'settings.saveWijk',
  'settings.deleteWijk',
  'settings.saveMedewerker',
  'signals.createManual',
  'signals.checkAddress',
  'caseload.list',
  'dossier.get',
  'dossier.addNote',
  'dossier.assign',
] as const
