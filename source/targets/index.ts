// Every runtime regauth configures, in catalog order. Adding a runtime is one file in targets/,
// one entry here and one in catalog.ts (its name and description).
import type {TargetId} from '../answers.js';
import {butane} from './butane.js';
import type {Target} from './context.js';
import {docker} from './docker.js';
import {kubernetes} from './kubernetes.js';
import {mesos} from './mesos.js';
import {podman} from './podman.js';
import {rkt} from './rkt.js';

export const TARGETS: Target[] = [docker, kubernetes, podman, butane, rkt, mesos];

export function targetById(id: TargetId): Target | undefined {
	return TARGETS.find(target => target.id === id);
}
