import { allContainers, podSpecs, volumeMounts, type Container } from '../../yaml/k8s.js';
import { getEntry, getPath, getText, getValue, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { CheckOf } from '../check-args.js';
import { containerRange, k8sFallback, podVolume } from './k8s-util.js';
import { fail, pass, type CheckResult } from './types.js';

/** Tells whether a volume of the container's pod carries a Secret (directly or projected). */
function isSecretVolume(doc: YamlDoc, container: Container, name: string): boolean {
	const volume = podVolume(doc, container.pod, name);
	if (!volume) return false;
	if (getEntry(doc, volume, 'secret')) return true;
	return seqItems(doc, getPath(doc, volume, ['projected', 'sources'])).some((s) =>
		getEntry(doc, s, 'secret')
	);
}

/** Tells whether a file path lies inside a Secret volume mounted in the container. */
function inSecretMount(doc: YamlDoc, container: Container, file: string): boolean {
	return volumeMounts(doc, container).some((mount) => {
		const at = (getText(doc, mount, 'mountPath') ?? '').replace(/\/+$/, '');
		return (
			at !== '' &&
			file.startsWith(`${at}/`) &&
			isSecretVolume(doc, container, getText(doc, mount, 'name') ?? '')
		);
	});
}

/** Checks that a container takes a variable from a Secret: secretKeyRef, envFrom, or `NAME_FILE`. */
export function checkK8sSecretEnv(check: CheckOf<'k8s-secret-env'>, doc: YamlDoc): CheckResult {
	const containers = allContainers(doc);
	if (podSpecs(doc).length === 0) return fail('The file has no workload.', k8sFallback(doc));
	let literal = null;
	for (const container of containers) {
		const env = seqItems(doc, getValue(doc, container.node, 'env'));
		for (const item of env) {
			const name = getText(doc, item, 'name');
			if (name === check.name) {
				if (getPath(doc, item, ['valueFrom', 'secretKeyRef'])) return pass(nodeRange(doc, item));
				literal ??= item;
			}
			const file = getText(doc, item, 'value');
			if (
				name === `${check.name}_FILE` &&
				file !== undefined &&
				inSecretMount(doc, container, file)
			) {
				return pass(nodeRange(doc, item));
			}
		}
		const envFrom = seqItems(doc, getValue(doc, container.node, 'envFrom'));
		const fromSecret = envFrom.find((item) => getEntry(doc, item, 'secretRef'));
		if (fromSecret && !literal) return pass(nodeRange(doc, fromSecret));
	}
	if (literal)
		return fail(
			`${check.name} is written in the file: take it from a Secret.`,
			nodeRange(doc, literal)
		);
	const first = containers.find((c) => !c.init) ?? containers[0];
	return fail(
		`No container takes ${check.name} from a Secret.`,
		first ? containerRange(doc, first) : k8sFallback(doc)
	);
}
