// Every target regauth configures, by id (the wizard lists them in specs.ts's order). Adding an id
// here makes the compiler point at the records keyed by target id that lack it (specs.ts, index.ts).
export const TARGET_IDS = [
	'docker',
	'kubernetes',
	'rkt',
	'mesos',
	'butane',
	'podman',
	'containerd',
	'k3s',
	'registries-conf',
	'external-secret',
	'kubelet-credential-provider',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export function isTargetId(value: string): value is TargetId {
	return (TARGET_IDS as readonly string[]).includes(value);
}
