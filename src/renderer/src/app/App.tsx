export function App() {
  return <div>Lange Adem</div>
}
