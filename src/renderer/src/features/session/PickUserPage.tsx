export function PickUserPage() { return null }
