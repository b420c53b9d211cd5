export function startPrivateKeyring(
	dir: string,
	options?: {locked?: boolean; unlockPassword?: string},
): {env: Record<string, string>; home: string; runtime: string; stop: () => void};
export function lockLoginCollection(env: Record<string, string | undefined>): void;
