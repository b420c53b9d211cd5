// The planners of every target, keyed by id (a missing one is a compile error), joined with their
// declarations in the wizard's order. Loaded with plan(); the declarations alone are in specs.ts.
import type {TargetId} from '../answers.js';
import {butane} from './butane/plan.js';
import {containerd} from './containerd/plan.js';
import type {TargetPlanner, TargetSpec} from './declaration.js';
import {docker} from './docker/plan.js';
import {externalSecretTarget} from './external-secret/plan.js';
import {k3s} from './k3s/plan.js';
import {kubeletCredentialProvider} from './kubelet-credential-provider/plan.js';
import {kubernetes} from './kubernetes/plan.js';
import {mesos} from './mesos/plan.js';
import {podman} from './podman/plan.js';
import {registriesConf} from './registries-conf/plan.js';
import {rkt} from './rkt/plan.js';
import {SPECS} from './specs.js';

const PLANNERS: {readonly [Id in TargetId]: TargetPlanner} = {
	docker,
	kubernetes,
	podman,
	butane,
	rkt,
	mesos,
	containerd,
	k3s,
	'registries-conf': registriesConf,
	'external-secret': externalSecretTarget,
	'kubelet-credential-provider': kubeletCredentialProvider,
};

export type Target = TargetSpec & TargetPlanner;

export const TARGETS: readonly Target[] = SPECS.map(spec => ({...spec, ...PLANNERS[spec.id]}));

export function targetById(id: TargetId): Target | undefined {
	return TARGETS.find(target => target.id === id);
}
