import { DEMO_EMAILS, type FirstAccount } from './auth/first-accounts.js';

export interface StartNotice {
  /** Where to open the console. */
  url: string;
  /** Accounts created by this start, with the passwords to show this once. */
  firstAccounts: FirstAccount[];
  /** The embedded emulator's demo, where the demo accounts exist. */
  demo: boolean;
}

/** The one block a newcomer reads at start: the URL to open and who to sign in as. */
export function startNotice({ url, firstAccounts, demo }: StartNotice): string {
  const lines = ['', `Codat Ops Console is ready: open ${url}`];
  if (firstAccounts.length > 0) {
    const width = Math.max(...firstAccounts.map((account) => account.email.length));
    lines.push('Staff accounts created; their passwords are shown this once:');
    for (const account of firstAccounts) {
      lines.push(`  ${account.email.padEnd(width)}  ${account.role.padEnd(16)}  ${account.password ?? '(ADMIN_PASSWORD)'}`);
    }
  } else if (demo) {
    lines.push(`Demo accounts: ${Object.values(DEMO_EMAILS).join(', ')} (passwords were shown at first start; DEMO_PASSWORD sets them on a fresh data directory)`);
  }
  if (demo) lines.push('Codat: the embedded emulator with demo data (set CODAT_API_KEY for a real Codat).');
  return [...lines, ''].join('\n');
}
