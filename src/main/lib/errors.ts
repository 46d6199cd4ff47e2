import type { ApiErrorPayload } from '@shared/api/define'

/** Errors a service throws on purpose. Each carries the Dutch message the user will read. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorPayload['code'],
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super('validation', message, fields)
    this.name = 'ValidationError'
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message)
    this.name = 'NotFoundError'
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message)
    this.name = 'ConflictError'
  }
}

/** The case changed since the screen read it (dossier/version.ts); the message is fixed. */
export const CASE_CHANGED_MESSAGE =
  'Een collega heeft deze zaak net gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.'

/**
 * A change carried a case version that is no longer current: a colleague changed the case in
 * between. Thrown inside the transaction (which rolls back); the use case's caller swaps it for a
 * CaseConflictError that carries the fresh case file.
 */
export class StaleCaseError extends AppError {
  constructor(readonly caseId: number) {
    super('conflict', CASE_CHANGED_MESSAGE)
    this.name = 'StaleCaseError'
  }
}

/** StaleCaseError with the case file as it is now, for the screen to show. */
export class CaseConflictError extends AppError {
  constructor(readonly dossier: unknown) {
    super('conflict', CASE_CHANGED_MESSAGE)
    this.name = 'CaseConflictError'
  }
}

export class NotSignedInError extends AppError {
  constructor() {
    super('not_signed_in', 'Kies eerst wie je bent.')
    this.name = 'NotSignedInError'
  }
}
