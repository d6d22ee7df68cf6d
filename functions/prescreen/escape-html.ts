/** Text from exhibitors' spreadsheets into HTML: every character that could open markup becomes a reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
