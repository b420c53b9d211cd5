// Every target regauth configures, as declared by its own module, in the order the wizard lists
// them. Keyed by target id: a TARGET_IDS entry without a declaration here is a compile error.
// Light on purpose (no planning code): the first screens show it before the planners load.
import type {TargetId} from '../answers.js';
import {butaneSpec} from './butane/spec.js';
import {containerdSpec} from './containerd/spec.js';
import type {OptionSpec, TargetSpec} from './declaration.js';
import {dockerSpec} from './docker/spec.js';
import {externalSecretSpec} from './external-secret/spec.js';
import {k3sSpec} from './k3s/spec.js';
import {kubeletCredentialProviderSpec} from './kubelet-credential-provider/spec.js';
import {kubernetesSpec} from './kubernetes/spec.js';
import {mesosSpec} from './mesos/spec.js';
import {podmanSpec} from './podman/spec.js';
import {registriesConfSpec} from './registries-conf/spec.js';
import {rktSpec} from './rkt/spec.js';

export const TARGET_SPECS: {readonly [Id in TargetId]: TargetSpec<Id>} = {
	docker: dockerSpec,
	kubernetes: kubernetesSpec,
	podman: podmanSpec,
	butane: butaneSpec,
	rkt: rktSpec,
	mesos: mesosSpec,
	containerd: containerdSpec,
	k3s: k3sSpec,
	'registries-conf': registriesConfSpec,
	'external-secret': externalSecretSpec,
	'kubelet-credential-provider': kubeletCredentialProviderSpec,
};

/** The declarations in the wizard's order (the record's order). */
export const SPECS: readonly TargetSpec[] = Object.values(TARGET_SPECS);

export function targetSpec(id: TargetId): TargetSpec {
	return TARGET_SPECS[id];
}

/** Its config can route a registry to a credential helper (docker and podman's credHelpers). */
export function routesToHelper(id: TargetId): boolean {
	return TARGET_SPECS[id].credentialHelper;
}

/** System directories targets write into: the probe checks each is writable, or the files are staged. */
export function systemDirs(): string[] {
	return SPECS.flatMap(spec => spec.writes.flatMap(write => (write.kind === 'system' ? [write.dir] : [])));
}

/** Some chosen target writes project files (so the output directory matters). */
export function writesProjectFiles(targets: readonly TargetId[]): boolean {
	return targets.some(id => TARGET_SPECS[id].writes.some(write => write.kind !== 'user-config'));
}

export interface OwnedOption {
	target: TargetId;
	option: OptionSpec;
}

/** Every option of every target, in the wizard's order. */
export function allOptions(): OwnedOption[] {
	return SPECS.flatMap(spec => spec.options.map(option => ({target: spec.id, option})));
}
