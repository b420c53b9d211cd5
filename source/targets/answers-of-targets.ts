// The answers each target with options adds to Answers, keyed as Answers holds them, and their
// defaults. Each target declares its own in source/targets/<id>/answers.ts.
import {type ButaneOptions, butaneDefaults} from './butane/answers.js';
import {type ContainerdOptions, containerdDefaults} from './containerd/answers.js';
import {type ExternalSecretAnswers, externalSecretDefaults} from './external-secret/answers.js';
import {type K3sOptions, k3sDefaults} from './k3s/answers.js';
import {type KubernetesOptions, kubernetesDefaults} from './kubernetes/answers.js';
import {type MesosOptions, mesosDefaults} from './mesos/answers.js';
import {type RegistriesConfOptions, registriesConfDefaults} from './registries-conf/answers.js';
import {type RktOptions, rktDefaults} from './rkt/answers.js';

export interface TargetAnswers {
	kubernetes: KubernetesOptions;
	rkt: RktOptions;
	mesos: MesosOptions;
	butane: ButaneOptions;
	containerd: ContainerdOptions;
	k3s: K3sOptions;
	registriesConf: RegistriesConfOptions;
	externalSecret: ExternalSecretAnswers;
}

/** A target's group of answers (answers.kubernetes, answers.registriesConf, …). */
export type TargetAnswerGroup = keyof TargetAnswers;

export function defaultTargetAnswers(): TargetAnswers {
	return {
		kubernetes: kubernetesDefaults(),
		rkt: rktDefaults(),
		mesos: mesosDefaults(),
		butane: butaneDefaults(),
		containerd: containerdDefaults(),
		k3s: k3sDefaults(),
		registriesConf: registriesConfDefaults(),
		externalSecret: externalSecretDefaults(),
	};
}
