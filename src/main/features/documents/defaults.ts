import type { DocumentSettings } from '@shared/api/documents'
import { DEFAULT_AVOIDED_WORDS } from '@shared/api/documents-text'

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  venster: { links: 20, boven: 50, breedte: 85, hoogte: 40 },
  afmeldWerkdagen: 2,
  vermijdWoorden: DEFAULT_AVOIDED_WORDS,
}
