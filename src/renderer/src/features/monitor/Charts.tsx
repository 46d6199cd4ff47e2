import { Paper, Text, Title } from '@mantine/core'
import type { Breakdown, MonitorDashboard } from '@shared/api/monitor'
import { pctText } from './download'
import { shortMonth } from './periods'

const TEAM = 'var(--mantine-color-teal-6)'
const LAND = 'var(--mantine-color-gray-5)'

/** Reach per month as bars, with the national average as a dashed line. */
export function ReachOverTime({ d }: { d: MonitorDashboard }) {
  const months = d.perMaand
  const W = 560
  const H = 200
  const left = 36
  const bottom = 28
  const top = 16
  const max = Math.max(50, ...months.map((m) => m.pct ?? 0), d.bereik.landelijk ?? 0)
  const y = (p: number) => top + (H - top - bottom) * (1 - p / max)
  const slot = (W - left) / Math.max(1, months.length)
  const bar = Math.min(36, slot * 0.6)
  return (
    <Paper withBorder p="md" className="monitor-chart">
      <Title order={4}>Bereik per maand</Title>
      <Text size="sm" c="dimmed" mb="xs">
        Deel van de zaken die in die maand zijn opgepakt waarin contact is gemaakt.
        {d.bereik.landelijk !== null && ` Stippellijn: landelijk gemiddelde (${d.bereik.landelijk}%).`}
      </Text>
      {months.length === 0 ? (
        <Text size="sm">Geen zaken opgepakt in deze periode.</Text>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Grafiek: bereik per maand">
          {[0, 25, 50, 75, 100]
            .filter((p) => p <= max)
            .map((p) => (
              <g key={p}>
                <line x1={left} x2={W} y1={y(p)} y2={y(p)} stroke="var(--mantine-color-gray-2)" />
                <text
                  x={left - 4}
                  y={y(p) + 4}
                  fontSize="10"
                  textAnchor="end"
                  fill="var(--mantine-color-dimmed)"
                >
                  {p}%
                </text>
              </g>
            ))}
          {months.map((m, i) => {
            const x = left + i * slot + (slot - bar) / 2
            const p = m.pct ?? 0
            return (
              <g key={m.maand}>
                <title>{`${shortMonth(m.maand)}: ${m.teller} van ${m.noemer} bereikt (${pctText(m.pct)})`}</title>
                <rect x={x} y={y(p)} width={bar} height={y(0) - y(p)} fill={TEAM} rx={2} />
                {months.length <= 14 && (
                  <text x={x + bar / 2} y={y(p) - 3} fontSize="10" textAnchor="middle">
                    {Math.round(p)}%
                  </text>
                )}
                <text
                  x={x + bar / 2}
                  y={H - 10}
                  fontSize="10"
                  textAnchor="middle"
                  fill="var(--mantine-color-dimmed)"
                >
                  {shortMonth(m.maand)}
                </text>
              </g>
            )
          })}
          {d.bereik.landelijk !== null && (
            <g>
              <line
                x1={left}
                x2={W}
                y1={y(d.bereik.landelijk)}
                y2={y(d.bereik.landelijk)}
                stroke={LAND}
                strokeDasharray="5 4"
                strokeWidth={2}
              />
            </g>
          )}
        </svg>
      )}
    </Paper>
  )
}

/** Reach per kind of attempt: the team's bar beside the national figure where there is one. */
export function ReachByChannel({ b }: { b: Breakdown }) {
  const rows = b.rows.filter((r) => r.noemer > 0 || r.landelijk !== null)
  const W = 560
  const rowH = 30
  const label = 110
  const H = rows.length * rowH + 24
  const x = (p: number) => label + ((W - label - 110) * p) / 100
  return (
    <Paper withBorder p="md" className="monitor-chart">
      <Title order={4}>Bereik per soort contactpoging</Title>
      <Text size="sm" c="dimmed" mb="xs">
        Groen: ons team (zaken met zo&apos;n poging waarin contact is gemaakt). Grijs: landelijk.
      </Text>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="Grafiek: bereik per soort contactpoging"
      >
        {rows.map((r, i) => {
          const top = i * rowH
          return (
            <g key={r.key}>
              <title>{`${r.label}: ${r.teller} van ${r.noemer} (${pctText(r.pct)})${r.landelijk !== null ? `, landelijk ${r.landelijk}%` : ''}`}</title>
              <text x={label - 6} y={top + 16} fontSize="11" textAnchor="end">
                {r.label}
              </text>
              <rect x={label} y={top + 4} width={x(r.pct ?? 0) - label} height={11} fill={TEAM} rx={2} />
              <text x={x(r.pct ?? 0) + 4} y={top + 14} fontSize="10">
                {r.noemer ? `${Math.round(r.pct ?? 0)}% (${r.teller}/${r.noemer})` : 'geen pogingen'}
              </text>
              {r.landelijk !== null && (
                <>
                  <rect x={label} y={top + 17} width={x(r.landelijk) - label} height={7} fill={LAND} rx={2} />
                  <text x={x(r.landelijk) + 4} y={top + 25} fontSize="9" fill="var(--mantine-color-gray-7)">
                    landelijk {r.landelijk}%
                  </text>
                </>
              )}
            </g>
          )
        })}
        {[0, 50, 100].map((p) => (
          <text
            key={p}
            x={x(p)}
            y={H - 4}
            fontSize="9"
            textAnchor="middle"
            fill="var(--mantine-color-dimmed)"
          >
            {p}%
          </text>
        ))}
      </svg>
    </Paper>
  )
}
