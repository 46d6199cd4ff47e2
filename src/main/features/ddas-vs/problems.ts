/**
 * Errors of the DDAS-VS API as RFC 9457 problem details (application/problem+json), in Dutch like
 * the specification's examples. Where DDAS-VS.yaml names an FSC error (FSC Core 1.0.0: 401, 403,
 * 404, 405), the answer also carries the `Fsc-Error-Code` header and the FscError fields `code`
 * and `domain`, so one body satisfies both the ProblemDetails and the FscError schema.
 */
export type FscErrorCode =
  | 'ERROR_CODE_ACCESS_TOKEN_MISSING'
  | 'ERROR_CODE_ACCESS_TOKEN_INVALID'
  | 'ERROR_CODE_ACCESS_TOKEN_EXPIRED'
  | 'ERROR_CODE_SERVICE_NOT_FOUND'
  | 'ERROR_CODE_METHOD_UNSUPPORTED'

export interface Problem {
  status: number
  /** The last part of the type URI: `urn:lange-adem:ddas-vs:<slug>`. */
  slug: string
  title: string
  detail: string
  fsc?: FscErrorCode
  /** FscError's `code` for a refusal FSC has no code for (a token without scope `read`). */
  code?: string
  headers?: Record<string, string>
}

export const PROBLEM_TYPE_PREFIX = 'urn:lange-adem:ddas-vs:'

const BEARER = 'Bearer realm="DDAS-VS"'

export const problems = {
  tokenMissing: (): Problem => ({
    status: 401,
    slug: 'token-ontbreekt',
    title: 'Toegangstoken ontbreekt',
    detail: 'Stuur een OAuth 2.0-toegangstoken mee in de Authorization-header (Bearer).',
    fsc: 'ERROR_CODE_ACCESS_TOKEN_MISSING',
    headers: { 'WWW-Authenticate': BEARER },
  }),
  tokenInvalid: (detail: string): Problem => ({
    status: 401,
    slug: 'token-ongeldig',
    title: 'Ongeldig toegangstoken',
    detail,
    fsc: 'ERROR_CODE_ACCESS_TOKEN_INVALID',
    headers: { 'WWW-Authenticate': `${BEARER}, error="invalid_token"` },
  }),
  tokenExpired: (): Problem => ({
    status: 401,
    slug: 'token-verlopen',
    title: 'Toegangstoken verlopen',
    detail: 'Het toegangstoken is verlopen. Vraag een nieuw token aan bij de uitgever.',
    fsc: 'ERROR_CODE_ACCESS_TOKEN_EXPIRED',
    headers: { 'WWW-Authenticate': `${BEARER}, error="invalid_token", error_description="token expired"` },
  }),
  scopeMissing: (): Problem => ({
    status: 403,
    slug: 'scope-ontbreekt',
    title: 'Geen toegang tot deze gegevens',
    detail: 'Het toegangstoken geeft geen scope "read": daarmee mogen de gegevens niet opgehaald worden.',
    code: 'insufficient_scope',
    headers: { 'WWW-Authenticate': `${BEARER}, error="insufficient_scope", scope="read"` },
  }),
  notFound: (detail: string): Problem => ({
    status: 404,
    slug: 'niet-gevonden',
    title: 'Service niet gevonden',
    detail,
    fsc: 'ERROR_CODE_SERVICE_NOT_FOUND',
  }),
  methodNotAllowed: (method: string): Problem => ({
    status: 405,
    slug: 'methode-niet-toegestaan',
    title: 'Methode niet ondersteund',
    detail: `${method} wordt niet ondersteund: vraag de gegevens op met POST.`,
    fsc: 'ERROR_CODE_METHOD_UNSUPPORTED',
    headers: { Allow: 'POST' },
  }),
  badRequest: (detail: string): Problem => ({
    status: 400,
    slug: 'ongeldig-verzoek',
    title: 'Ongeldig verzoek',
    detail,
  }),
  badSignature: (detail: string): Problem => ({
    status: 400,
    slug: 'ongeldige-ondertekening',
    title: 'Ondertekening klopt niet',
    detail,
  }),
  unprocessable: (detail: string): Problem => ({
    status: 422,
    slug: 'niet-verwerkbaar',
    title: 'Verzoek niet verwerkbaar',
    detail,
  }),
  tooMany: (retryAfterSeconds: number): Problem => ({
    status: 429,
    slug: 'te-veel-verzoeken',
    title: 'Te veel verzoeken',
    detail: `Er zijn te veel verzoeken gedaan. Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  unavailable: (detail: string): Problem => ({
    status: 503,
    slug: 'niet-beschikbaar',
    title: 'Tijdelijk niet beschikbaar',
    detail,
    headers: { 'Retry-After': '300' },
  }),
  internal: (): Problem => ({
    status: 500,
    slug: 'interne-fout',
    title: 'Interne fout',
    detail: 'Er ging iets mis bij het samenstellen van de gegevens. De beheerder kan het serverlog bekijken.',
  }),
}

/** The body of a problem answer. */
export function problemBody(p: Problem, instance: string): Record<string, unknown> {
  return {
    type: `${PROBLEM_TYPE_PREFIX}${p.slug}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance,
    ...(p.fsc || p.code ? { code: p.fsc ?? p.code, domain: 'ERROR_DOMAIN_INWAY' } : {}),
  }
}

/** The headers of a problem answer besides the body's own. */
export function problemHeaders(p: Problem): Record<string, string> {
  return { ...(p.fsc ? { 'Fsc-Error-Code': p.fsc } : {}), ...p.headers }
}
