export function CaseloadPage(_p: { mine: boolean }) { return null }
