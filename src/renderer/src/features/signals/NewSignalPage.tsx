export function NewSignalPage() { return null }
