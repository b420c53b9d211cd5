export function startPrivateKeyring(
	dir: string,
	options?: {locked?: boolean; unlockPassword?: string},
): {env: Record<string, string>; home: string; runtime: string; stop: () => void};
