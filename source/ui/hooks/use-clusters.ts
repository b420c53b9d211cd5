// What kubectl shows of the clusters the kubernetes target touches (namespaces listed by label or
// all of them, the Secrets already there), read when the review is reached and whenever the
// cluster questions change there, never on each keystroke: each read runs kubectl.
import {useEffect, useRef, useState} from 'react';
import type {Answers} from '../../answers.js';
import type {Environment} from '../../environment.js';
import {clusterQueries} from '../../targets/kubernetes/clusters.js';
import type {WizardServices} from '../services.js';

export function useClusters(answers: Answers, env: Environment | null, reviewing: boolean, services: WizardServices): Environment | null {
	const [read, setRead] = useState<{key: string; clusters: NonNullable<Environment['clusters']>} | undefined>();
	const key = JSON.stringify(clusterQueries(answers));
	// The answers are read through `key`: the same cluster questions need no second read.
	const latest = useRef(answers);
	latest.current = answers;
	useEffect(() => {
		if (!reviewing || key === '[]' || !env || !services.readClusters || read?.key === key) return;
		let current = true;
		void services.readClusters(latest.current).then(clusters => {
			if (current) setRead({key, clusters});
		});
		return () => {
			current = false;
		};
	}, [key, reviewing, env, services, read?.key]);
	if (!env || !read || read.key !== key) return env;
	return {...env, clusters: read.clusters};
}
