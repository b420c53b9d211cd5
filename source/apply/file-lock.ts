// An advisory lock beside a config file while regauth merges into it, so two regauth runs
// never both read the old file and each rename their own version over the other's (a lost
// entry). proper-lockfile makes `<file>.lock` with mkdir (atomic on every local file system and
// on NFS), refreshes its mtime while held, and treats one untouched for `stale` ms as left by a
// killed run (docs/concurrency.md §1). docker and podman take no lock: against them apply
// re-reads just before the rename instead (apply.ts).
import lockfile from 'proper-lockfile';

// proper-lockfile's smallest allowed `stale` (5 s; its default is 10 s), so a lock left by a
// SIGKILLed run delays the next one about 5 s. The holder refreshes every second (the smallest
// `update`), five times per stale window where the default refreshes twice: a busy event loop
// would have to stall for 5 s before another run took the lock over (docs/concurrency.md §1).
const STALE_MS = 5_000;
const UPDATE_MS = 1_000;

export class LockTimeoutError extends Error {}

/** Hold the lock for `path` (which need not exist; its directory must). Returns the release. */
export async function lockFile(path: string): Promise<() => Promise<void>> {
	let compromised: Error | undefined;
	try {
		const release = await lockfile.lock(path, {
			realpath: false,
			stale: STALE_MS,
			update: UPDATE_MS,
			// Long enough to outlast a lock left by a killed run (STALE_MS) plus a live run's write.
			retries: {retries: 60, factor: 1.2, minTimeout: 25, maxTimeout: 500, randomize: true},
			onCompromised: error => {
				compromised = error;
			},
		});
		return async () => {
			await release().catch(() => undefined);
			if (compromised) throw new LockTimeoutError(`the lock ${path}.lock was taken over while regauth held it (${compromised.message}); check the file.`);
		};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
			throw new LockTimeoutError(
				`${path} is locked by another regauth run (${path}.lock) that has not finished after 25 s; wait for it, or remove ${path}.lock if no regauth is running.`,
			);
		}
		throw error;
	}
}
