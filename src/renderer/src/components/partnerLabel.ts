import { SIGNAALPARTNER_LABELS, type SignaalpartnerType } from '@shared/domain/ddas'

/** "Huur (verhuurder)" reads well in a list of choices; a badge or a short list needs only "Huur". */
export function shortPartnerLabel(type: string): string {
  const label = SIGNAALPARTNER_LABELS[type as SignaalpartnerType] ?? type
  return label.replace(/\s*\(.*\)$/, '')
}
