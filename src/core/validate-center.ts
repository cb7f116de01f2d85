import type { Center } from './center.js';

/**
 * Spin's facts (`content/center.yaml`) as `CenterSchema` reads them, for the browser's validation
 * worker: it checks with the same values without loading a YAML parser and zod for one small file.
 * A unit test keeps this copy equal to the parsed file; when `content/center.yaml` changes, the
 * test prints the new object to paste here.
 */
export const CENTER: Center = {
	platform: 'Spin',
	registries: {
		nersc: 'registry.nersc.gov',
		legacy: 'registry.spin.nersc.gov',
		imagePattern: 'registry.nersc.gov/{project}/{user}/{image}:{tag}',
		allowed: ['docker.io', 'registry.nersc.gov', 'registry.spin.nersc.gov', 'ghcr.io'],
		pullSecret: 'registry-nersc',
	},
	clusters: ['development', 'production'],
	capabilities: {
		allowed: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'KILL', 'SETGID', 'SETUID', 'NET_BIND_SERVICE'],
		allowedWithGlobalMount: ['NET_BIND_SERVICE'],
	},
	ports: {
		unprivilegedAbove: 1024,
		legacyPublished: {
			public: [80, 443, 8080, 8443, [60000, 60050]],
			nerscAndLbl: [3128, 3306, 4873, 5432, 5984, 8008, 27017, [55000, 55100]],
			nerscOnly: [5672, 8081, [50000, 50050]],
		},
	},
	storageClasses: ['nfs-client', 'nfs-client-vast'],
	globalPathPrefix: '/global/',
	dns: {
		ingress: '{name}.{namespace}.{cluster}.svc.spin.nersc.org',
		loadBalancer: '{workload}-loadbalancer.{namespace}.{cluster}.svc.spin.nersc.org',
		legacy: '{service}.{stack}.{environment}.stable.spin.nersc.org',
		propagation: 'within 1 to 5 minutes',
	},
	completion: {
		recipient: 'the SpinUp training staff',
		instructions:
			'Send the bundle file or the SPINUP1 string to the SpinUp training staff through the contact they gave you when you enrolled. They re-check it and send back a signed credential.',
	},
};
