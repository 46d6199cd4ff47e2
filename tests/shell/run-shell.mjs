// Loads the BUILT main bundle (out/main/index.js) with the electron stand-in, lets it start,
// then probes what it set up and prints one JSON report on stdout.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import * as stub from './electron-stub.mjs'

// SHELL_APP_DIR: another copy of the app to start, e.g. one unpacked from an installer's app.asar.
const root = process.env.SHELL_APP_DIR ?? resolve(import.meta.dirname, '../..')
const rec = globalThis.__electronStub

await import(pathToFileURL(resolve(root, 'out/main/index.js')).href)
// Wait until the shell has created its window (it awaits the database and migrations first).
for (let i = 0; i < 200 && rec.windows.length === 0 && rec.exitCode === undefined; i++) {
  await new Promise((r) => setTimeout(r, 25))
}

const win = rec.windows[0]
const report = {
  exitCode: rec.exitCode ?? null,
  errors: rec.errors,
  windowCount: rec.windows.length,
  webPreferences: win?.options.webPreferences ?? null,
  loaded: win?.webContents.loaded ?? null,
  channels: [...rec.ipcHandlers.keys()].sort(),
  menuLabels: (rec.menuTemplate ?? []).map((m) => m.label),
  safeStorage: rec.safeStorage ?? [],
  messageBoxes: rec.messageBoxes ?? [],
}
// Every native module the process has loaded: which SQLite binding the shell's connections used.
const nativeModules = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((f) => f.endsWith('.node'))
// A start that is refused (no protection for the key) has nothing more to probe.
if (!win) {
  report.nativeModules = nativeModules()
  process.stdout.write('SHELL_REPORT ' + JSON.stringify(report) + '\n')
  process.exit(0)
}

if (win) {
  const wc = win.webContents
  report.windowOpen = wc.windowOpenHandler?.({ url: 'https://example.org' }) ?? null
  const nav = (url) => {
    let prevented = false
    wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  report.navigateExternalPrevented = nav('https://example.org/')
  report.navigateOwnPrevented = nav(
    pathToFileURL(resolve(root, 'out/renderer/index.html')).href + '#/caseload',
  )
  let webviewPrevented = false
  wc.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) })
  report.webviewPrevented = webviewPrevented
}
let granted = null
rec.permissionHandler?.({}, 'media', (ok) => (granted = ok))
report.permissionGranted = granted
report.permissionCheck = rec.permissionCheckHandler?.() ?? null
let headers = null
rec.headersListener?.({ responseHeaders: {} }, (r) => (headers = r.responseHeaders))
report.csp = headers?.['Content-Security-Policy']?.[0] ?? null

// Call the API through the registered IPC handler, as the preload would.
const trusted = pathToFileURL(resolve(root, 'out/renderer/index.html')).href
const fakeSender = { id: 7, once() {} }
const statusHandler = rec.ipcHandlers.get('lange-adem:app.status')
report.statusFromTrusted = statusHandler
  ? await statusHandler({ senderFrame: { url: trusted }, sender: fakeSender }, {})
  : null
report.statusFromForeign = statusHandler
  ? await statusHandler({ senderFrame: { url: 'https://evil.example/' }, sender: fakeSender }, {})
  : null
const signIn = rec.ipcHandlers.get('lange-adem:session.signIn')
report.invalidInput = signIn
  ? await signIn({ senderFrame: { url: trusted }, sender: fakeSender }, { userId: 'x' })
  : null

// The first-run choice "Met het team" (SHELL_TEAM_CHOICE: {"adres", "vingerafdruk"}): through
// the main window's channel as the page would, the server's fingerprint is read, confirmed and
// pinned; then the status is asked again, now of the team server. Nothing else is probed.
if (process.env.SHELL_TEAM_CHOICE) {
  const choice = JSON.parse(process.env.SHELL_TEAM_CHOICE)
  const ev = { senderFrame: { url: trusted }, sender: { id: win.webContents.id, once() {} } }
  const api = (method, input) => rec.ipcHandlers.get(`lange-adem:${method}`)(ev, input)
  report.choiceBefore = await api('werkplek.status', {})
  report.choiceProbe = await api('werkplek.bekijkServer', { adres: choice.adres })
  report.choiceJoin = await api('werkplek.koppel', {
    adres: choice.adres,
    vingerafdruk: choice.vingerafdruk,
    werkplek: 'Shell keuze',
  })
  report.choiceAfter = await api('werkplek.status', {})
  report.statusAfterChoice = await api('app.status', {})
  report.nativeModules = nativeModules()
  process.stdout.write('SHELL_REPORT ' + JSON.stringify(report) + '\n')
  process.exit(0)
}

// The menu's "Vergrendelen": on a fresh folder, set up and sign in through the main window's
// channel, click the item, and ask again: main must answer 'locked' at once.
{
  const find = (items, label) => {
    for (const m of items ?? []) {
      if (m.label === label) return m
      const inner = find(m.submenu, label)
      if (inner) return inner
    }
    return null
  }
  const item = find(rec.menuTemplate, 'Vergrendelen')
  report.lockMenuItem = item
    ? { accelerator: item.accelerator, hasClick: typeof item.click === 'function' }
    : null
  const ev = { senderFrame: { url: trusted }, sender: { id: win.webContents.id, once() {} } }
  const api = (method, input) => rec.ipcHandlers.get(`lange-adem:${method}`)(ev, input)
  if (item && report.statusFromTrusted?.value?.setupDone === false) {
    const wachtwoord = 'shell-test-wachtwoord'
    report.setupResult = await api('setup.complete', {
      team: {
        gemeenteNaam: 'Roermond',
        gemeenteCode: '0957',
        teamNaam: 'Team Vroegsignalering',
        postadres: 'Postbus 900\n6040 AX Roermond',
        bezoekadres: 'Markt 31\n6041 EM Roermond',
        telefoon: '0475 359 999',
        email: 'vroegsignalering@roermond.nl',
        inloopDag: 'dinsdag',
        inloopStart: '09:00',
        inloopEind: '11:00',
        inloopPlaats: 'Stadskantoor, Markt 31',
      },
      wijken: [{ naam: 'Centrum', postcodes: '6041' }],
      medewerkers: [
        { naam: 'Anouk Peeters', rol: 'consulent', telefoon: '', email: '', wijken: ['Centrum'] },
        { naam: 'Fatima El Idrissi', rol: 'kwaliteitsmedewerker', telefoon: '', email: '', wijken: [] },
        { naam: 'Bert Smeets', rol: 'beheerder', telefoon: '', email: '', wijken: [] },
      ],
      beheerder: { naam: 'Bert Smeets', wachtwoord },
    })
    const team = await api('session.team', {})
    if (!team.value?.length) throw new Error(JSON.stringify(report.setupResult))
    const bert = team.value.find((m) => m.rol === 'beheerder')
    const signedIn = await api('session.signIn', { userId: bert.id, wachtwoord })
    report.beforeLock = (await api('session.settings', {})).ok && signedIn.ok
    const sentBefore = (rec.sent ?? []).length
    item.click()
    report.afterLock = await api('session.settings', {})
    report.statusAfterLock = (await api('app.status', {})).value?.locked ?? null
    report.sentOnLock = (rec.sent ?? []).slice(sentBefore)
    // A second lock (the page's own Ctrl+L arriving too) changes nothing.
    report.secondLock = await api('session.lock', {})
    report.afterSecondLock = (await api('session.settings', {})).error?.code ?? 'ok'

    // Importing a file: main opens its own dialog, reads the chosen file by its path and hands it
    // to the import (in its worker); the page only gets the upload's id. Another window (a new
    // session, nobody signed in) gets no dialog at all.
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const choose = rec.ipcHandlers.get('lange-adem-shell:chooseImportFile')
    const csv = join(mkdtempSync(join(tmpdir(), 'lange-adem-shell-import-')), 'vps-oktober.csv')
    writeFileSync(csv, Buffer.from('Signaal ID;Soort;Bedrag\r\nVPS-1;Huur;"\x80 1.100,00"\r\n', 'latin1'))
    rec.openDialogResult = { canceled: false, filePaths: [csv] }
    const other = { senderFrame: { url: trusted }, sender: { id: 99, once() {} } }
    report.chooseSignedOut = choose ? await choose(other) : null
    report.openDialogsSignedOut = (rec.openDialogs ?? []).length
    const ev2 = { senderFrame: { url: trusted }, sender: { id: 98, once() {} } }
    await rec.ipcHandlers.get('lange-adem:session.signIn')(ev2, { userId: bert.id, wachtwoord })
    report.chooseForeign = choose
      ? await choose({ ...ev2, senderFrame: { url: 'https://evil.example/' } })
      : null
    report.chosen = choose ? await choose(ev2) : null
    report.openDialog = rec.openDialogs?.[0] ?? null
    if (report.chosen?.ok)
      report.chosenAnalysis = await rec.ipcHandlers.get('lange-adem:intake.analyse')(ev2, {
        uploadId: report.chosen.value.uploadId,
      })
    rec.openDialogResult = { canceled: true, filePaths: [] }
    report.chooseCanceled = choose ? await choose(ev2) : null
  }
}

// Printing and saving a PDF through the shell's own two channels.
{
  const { mkdtempSync, readFileSync, existsSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n% a tiny stand-in PDF\n%%EOF\n'))
  const ev = (url) => ({ senderFrame: { url }, sender: fakeSender })
  const print = rec.ipcHandlers.get('lange-adem-shell:printPdf')
  const save = rec.ipcHandlers.get('lange-adem-shell:savePdf')
  const before = rec.windows.length
  report.print = print ? await print(ev(trusted), { bytes: pdf, fileName: 'brieven-3.pdf' }) : null
  const pw = rec.windows[before]
  report.printWindow = pw
    ? {
        show: pw.options.show,
        webPreferences: pw.options.webPreferences,
        loaded: pw.webContents.loaded,
        closed: !!pw.closed,
      }
    : null
  report.printCalls = rec.printCalls ?? []
  report.printTempGone = pw ? !existsSync(pw.webContents.loaded) : null
  report.printForeign = print
    ? await print(ev('https://evil.example/'), { bytes: pdf, fileName: 'x.pdf' })
    : null
  report.printNotPdf = print
    ? await print(ev(trusted), { bytes: new Uint8Array(Buffer.from('<html>')), fileName: 'x.pdf' })
    : null
  const target = join(mkdtempSync(join(tmpdir(), 'lange-adem-save-')), 'opgeslagen.pdf')
  rec.saveDialogResult = { canceled: false, filePath: target }
  report.save = save ? await save(ev(trusted), { bytes: pdf, fileName: '../../etc/brieven 3.pdf' }) : null
  report.saveDialog = rec.saveDialogs?.[0] ?? null
  report.savedSame = existsSync(target) && Buffer.compare(readFileSync(target), Buffer.from(pdf)) === 0
  rec.saveDialogResult = { canceled: true }
  report.saveCanceled = save ? await save(ev(trusted), { bytes: pdf, fileName: 'x.pdf' }) : null
}

// The preload: a CommonJS file that may only require 'electron'.
const require = createRequire(import.meta.url)
const Module = require('node:module')
const origLoad = Module._load
const required = []
Module._load = function (request, parent, isMain) {
  required.push(request)
  if (request === 'electron') return stub
  return origLoad.call(this, request, parent, isMain)
}
require(resolve(root, 'out/preload/index.cjs'))
Module._load = origLoad
report.preloadRequires = [
  ...new Set(required.filter((r) => !r.startsWith('node:') && r !== resolve(root, 'out/preload/index.cjs'))),
]
const bridge = rec.exposed.langeAdem
report.preloadKeys = bridge ? Object.keys(bridge) : []
report.preloadUnknown = bridge ? await bridge.call('fs.readFile', {}) : null
report.preloadKnown = bridge ? await bridge.call('app.status', {}) : null
if (bridge?.printPdf) await bridge.printPdf(new Uint8Array([37, 80, 68, 70, 45]), 'a.pdf')
if (bridge?.savePdf) await bridge.savePdf(new Uint8Array([37, 80, 68, 70, 45]), 'b.pdf')
if (bridge?.chooseImportFile) await bridge.chooseImportFile()
report.preloadInvoked = rec.invoked
// onLocked: the page's callback runs for main's message on the one channel, with nothing passed
// on (never the event); after the unsubscribe it no longer runs.
if (bridge?.onLocked) {
  const got = []
  const off = bridge.onLocked((...args) => got.push(args))
  report.preloadListenChannels = [...(rec.rendererListeners?.keys() ?? [])]
  win.webContents.send('lange-adem-shell:locked', { geheim: 1 })
  off()
  win.webContents.send('lange-adem-shell:locked')
  report.preloadOnLockedCalls = got
  report.preloadOnLockedBadCallback = typeof bridge.onLocked('geen functie')
}

report.nativeModules = nativeModules()
process.stdout.write('SHELL_REPORT ' + JSON.stringify(report) + '\n')
process.exit(0)
