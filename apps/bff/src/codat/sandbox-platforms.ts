/**
 * Codat's sandbox integrations: test data, never billed. Finance reports list them apart and the
 * billable rule leaves them out. The one list the console keeps; add a key here when Codat adds one.
 */
export const SANDBOX_PLATFORM_KEYS: ReadonlySet<string> = new Set(['ndsk', 'mqjo', 'aiwb', 'xcwv', 'yzth']);

export function isSandboxPlatform(platformKey: string | null | undefined): boolean {
  return platformKey != null && SANDBOX_PLATFORM_KEYS.has(platformKey);
}
