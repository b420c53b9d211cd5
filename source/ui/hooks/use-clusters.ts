// What kubectl shows of the clusters the kubernetes target touches (namespaces listed by label or
// all of them, the Secrets already there), read once the cluster questions have stood still for a
// moment on the options and review steps, never on each keystroke: each read runs kubectl. Reading
// before the review is reached keeps a process start (which holds up key delivery) away from the
// keys pressed on the review.
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Answers} from '../../answers.js';
import type {Environment} from '../../environment.js';
import {clusterQueries} from '../../targets/kubernetes/clusters.js';
import type {WizardServices} from '../services.js';

/** How long the cluster questions must stay unchanged before kubectl is asked. */
const SETTLE_MS = 300;

export function useClusters(answers: Answers, env: Environment | null, asking: boolean, services: WizardServices): Environment | null {
	const [read, setRead] = useState<{key: string; clusters: NonNullable<Environment['clusters']>} | undefined>();
	const key = JSON.stringify(clusterQueries(answers));
	// The answers are read through `key`: the same cluster questions need no second read.
	const latest = useRef(answers);
	latest.current = answers;
	useEffect(() => {
		if (!asking || key === '[]' || !env || !services.readClusters || read?.key === key) return;
		let current = true;
		const timer = setTimeout(() => {
			void services.readClusters?.(latest.current).then(clusters => {
				if (current) setRead({key, clusters});
			});
		}, SETTLE_MS);
		return () => {
			current = false;
			clearTimeout(timer);
		};
	}, [key, asking, env, services, read?.key]);
	// One object per read (not per render): the plan is memoised on it.
	const current = read && read.key === key ? read.clusters : undefined;
	return useMemo(() => (env && current ? {...env, clusters: current} : env), [env, current]);
}
