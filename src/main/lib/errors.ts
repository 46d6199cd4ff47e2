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

export class NotSignedInError extends AppError {
  constructor() {
    super('not_signed_in', 'Kies eerst wie je bent.')
    this.name = 'NotSignedInError'
  }
}
