import { Table, Text } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import type { CaseloadRow } from '@shared/api/caseload'
import { formatCents } from '@shared/format/money'
import { formatDate } from '@shared/format/dates'
import { ZAAK_STATUS_LABELS, type ZaakStatus } from '@shared/domain/case'
import { PartnerBadges } from './PartnerBadges'
import classes from './CaseloadTable.module.css'

const STATUS_COLORS: Record<ZaakStatus, string> = {
  nieuw: 'var(--mantine-color-blue-6)',
  in_behandeling: 'var(--mantine-color-teal-6)',
  gesloten: 'var(--mantine-color-gray-5)',
}

/** "Swalmerstraat 153": a line may break inside a long street name, never before the number. */
function keepNumberWithStreet(adres: string): string {
  const i = adres.lastIndexOf(' ')
  return i > 0 ? `${adres.slice(0, i)}\u00a0${adres.slice(i + 1)}` : adres
}

interface Props {
  rows: CaseloadRow[]
  /** In "Mijn zaken" every case is the user's own: the consulent column would only repeat their name. */
  showConsulent: boolean
  onOpen(id: number): void
  /** Dims the rows while a newer list is on its way. */
  stale: boolean
}

/** The caseload: one row per case; a click or Enter on a row opens the case file. */
export function CaseloadTable({ rows, showConsulent, onOpen, stale }: Props) {
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onOpen(id)
    }
  }
  return (
    <Table.ScrollContainer minWidth={showConsulent ? 1000 : 900}>
      <Table
        highlightOnHover
        striped
        verticalSpacing={5}
        horizontalSpacing={8}
        fz={13}
        aria-label="Zaken"
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Zaak</Table.Th>
            <Table.Th>Naam</Table.Th>
            <Table.Th>Adres</Table.Th>
            <Table.Th>Wijk</Table.Th>
            {showConsulent && <Table.Th>Consulent</Table.Th>}
            <Table.Th w={150}>Signalen</Table.Th>
            <Table.Th ta="right">Bedrag</Table.Th>
            <Table.Th>Geopend</Table.Th>
            <Table.Th>Status en volgende stap</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              className={classes.row}
              tabIndex={0}
              onClick={() => onOpen(r.id)}
              onKeyDown={(e) => onKey(e, r.id)}
            >
              <Table.Td className={classes.nowrap} fz="xs" c="dimmed">
                {r.caseNumber}
              </Table.Td>
              <Table.Td fw={500}>
                {r.naam}
                {r.eerderBekend && (
                  <Text
                    span
                    fz="xs"
                    fw={400}
                    c="grape.8"
                    className={classes.nowrap}
                    title="Dit huishouden had in het halfjaar hiervoor al een zaak"
                  >
                    {' '}
                    · eerder bekend
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {/* "Swalmerstraat 153, 6043 GH": a line may break before the postcode, not inside it */}
                {keepNumberWithStreet(r.adres)},{' '}
                <Text span inherit c="dimmed" className={classes.nowrap}>
                  {r.postcode}
                </Text>
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                {r.wijkNaam ?? (
                  <Text span inherit c="dimmed">
                    Geen wijk
                  </Text>
                )}
              </Table.Td>
              {showConsulent && (
                <Table.Td className={classes.nowrap}>
                  {r.consulentNaam ?? (
                    <Text span inherit c="dimmed">
                      Niet toegewezen
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <PartnerBadges types={r.partnerTypes} crisis={r.crisis} />
              </Table.Td>
              <Table.Td ta="right" className={classes.nowrap}>
                {formatCents(r.bedragCents)}
              </Table.Td>
              <Table.Td className={classes.nowrap}>{formatDate(r.geopendOp)}</Table.Td>
              <Table.Td>
                <div className={classes.nowrap}>
                  <span className={classes.dot} style={{ background: STATUS_COLORS[r.status] }} aria-hidden />
                  {ZAAK_STATUS_LABELS[r.status]}
                </div>
                {r.nietBenaderen ? (
                  <Text span fz="xs" c="orange">
                    Niet benaderen
                  </Text>
                ) : r.volgendeStap ? (
                  <Text span fz="xs" c="dimmed">
                    {r.volgendeStap}
                    <span className={classes.nowrap}> {formatDate(r.volgendeDatum)}</span>
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
