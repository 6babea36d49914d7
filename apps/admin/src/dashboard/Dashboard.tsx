// Placeholder: being written.
export function Dashboard() {
  return null;
}
