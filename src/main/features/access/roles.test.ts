import { describe, expect, it } from 'vitest'
import { apiContract, type MethodName } from '@shared/api'
import { PERMISSIONS } from '@shared/api/permissions'
import { ROLLEN, type Rol } from '@shared/domain/case'
import { setUpTeam, signInAs, testApp } from '../../test/fixtures'

const WHO: Record<Rol, string> = {
  consulent: 'Anouk Peeters',
  kwaliteitsmedewerker: 'Fatima El Idrissi',
  beheerder: 'Bert Smeets',
}
type Who = Rol | 'afgemeld'
const METHODS = Object.keys(apiContract) as MethodName[]

/**
 * The methods a consulent may not call, written out here on purpose: opening one up for every
 * role has to change this list too, so it is never an accident.
 */
const QUALITY_ONLY = [
  'backup.check',
  'backup.create',
  'backup.list',
  'backup.restore',
  'retention.deletePerson',
  'retention.exportPerson',
  'retention.findPerson',
  'retention.get',
  'retention.preview',
  'retention.purge',
  'retention.save',
  'session.saveSettings',
  'session.setStartPassword',
  'audit.search',
  'audit.verify',
  'appointments.savePlace',
  'documents.saveSettings',
  'documents.saveTemplate',
  'intake.moveCases',
  'intake.saveRules',
  'ladder.saveConfig',
  'monitor.exportDdas',
  'monitor.exportExcel',
  'monitor.feedback',
  'monitor.saveSettings',
  'settings.deleteWijk',
  'settings.saveMedewerker',
  'settings.saveTeam',
  'settings.saveWijk',
  'ddasVs.settings',
  'ddasVs.saveSettings',
  'ddasVs.check',
  'ddasVs.collections',
]

/** What permissions.ts and the contract's access say each kind of caller should get. */
function expected(method: MethodName, who: Who): 'doorgelaten' | 'forbidden' | 'not_signed_in' {
  if (apiContract[method].access === 'none') return 'doorgelaten'
  if (who === 'afgemeld') return 'not_signed_in'
  const allowed = PERMISSIONS[method]
  return allowed === 'iedereen' || allowed.includes(who) ? 'doorgelaten' : 'forbidden'
}

// Inputs that no schema accepts: the call gets past the role check only to fail validation,
// so the answer shows which check stopped it without ever running a handler.
const INVALID_INPUTS: unknown[] = [42, 'tekst', [], { __onbekend__: true }]

describe('role matrix: every method, every role, checked in main before validation', () => {
  it('has inputs that every method refuses', () => {
    for (const m of METHODS)
      for (const input of INVALID_INPUTS)
        expect(apiContract[m].input.safeParse(input).success, `${m} ${JSON.stringify(input)}`).toBe(false)
  })

  it('matches permissions.ts and the written-out list of restricted methods', () => {
    const restricted = METHODS.filter((m) => PERMISSIONS[m] !== 'iedereen').sort()
    expect(restricted).toEqual([...QUALITY_ONLY].sort())
    for (const m of restricted) expect(PERMISSIONS[m]).not.toContain('consulent')
  })

  for (const who of [...ROLLEN, 'afgemeld'] as Who[]) {
    it(`answers each method for ${who} as permissions.ts says`, async () => {
      const t = await testApp()
      await setUpTeam(t, who === 'afgemeld' ? undefined : WHO[who])
      if (who === 'afgemeld') await t.call('session.signOut', {})
      const trailBefore = (await t.db.selectFrom('audit_log').select('id').execute()).length
      const observed: Record<string, string> = {}
      const wanted: Record<string, string> = {}
      for (const method of METHODS) {
        for (const input of INVALID_INPUTS) {
          const res = await t.raw(method, input)
          expect(res.ok, method).toBe(false)
          if (res.ok) continue
          // Past the role check the call must stop at validation, nowhere else.
          const got = res.error.code === 'validation' ? 'doorgelaten' : res.error.code
          observed[`${method} ${JSON.stringify(input)}`] = got
          wanted[`${method} ${JSON.stringify(input)}`] = expected(method, who)
          if (got === 'forbidden') expect(res.error.fields).toBeUndefined()
        }
      }
      expect(observed).toEqual(wanted)
      // Refused or invalid calls change nothing: no audit entries, and nobody is signed out
      expect((await t.db.selectFrom('audit_log').select('id').execute()).length).toBe(trailBefore)
      expect(t.session.userId === null).toBe(who === 'afgemeld')
    })
  }

  it('lets each role through with a valid input where permitted, and not where not', async () => {
    const t = await testApp()
    await setUpTeam(t, WHO.consulent)
    expect(await t.raw('settings.saveWijk', { naam: 'Oost', postcodes: '6049' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    await signInAs(t, WHO.beheerder)
    expect(await t.raw('settings.saveWijk', { naam: 'Oost', postcodes: '6049' })).toMatchObject({ ok: true })
  })
})
