export function DossierPage(_p: { caseId: number }) { return null }
