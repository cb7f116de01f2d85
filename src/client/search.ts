import { renderResults, runQuery, searcher } from './search-render.js';

/** Hosts already wired. */
const wired = new WeakSet<HTMLElement>();

/** Wires the dialog inside `host` (once) and opens it. */
export function attachSearch(host: HTMLElement): void {
	const dialog = host.querySelector('dialog');
	const input = host.querySelector<HTMLInputElement>('input[type="search"]');
	const status = host.querySelector<HTMLElement>('.status');
	const list = host.querySelector<HTMLElement>('[role="listbox"]');
	if (!dialog || !input || !status || !list) return;
	const labels = host.dataset;
	let items: HTMLElement[] = [];
	let active = -1;
	let returnTo: Element | null = null;

	const select = (index: number): void => {
		items[active]?.setAttribute('aria-selected', 'false');
		active = items.length === 0 ? -1 : (index + items.length) % items.length;
		const item = items[active];
		if (item) {
			item.setAttribute('aria-selected', 'true');
			input.setAttribute('aria-activedescendant', item.id);
			item.scrollIntoView({ block: 'nearest' });
		} else input.removeAttribute('aria-activedescendant');
	};

	const update = async (): Promise<void> => {
		const query = input.value;
		if (!query.trim()) {
			items = renderResults(list, [], 'listbox');
			status.textContent = '';
			input.setAttribute('aria-expanded', 'false');
			select(-1);
			return;
		}
		try {
			status.textContent = labels['loading'] ?? '';
			const s = await searcher();
			if (input.value !== query) return;
			const results = runQuery(s, query);
			items = renderResults(list, results, 'listbox');
			input.setAttribute('aria-expanded', String(results.length > 0));
			status.textContent =
				results.length === 0
					? `${(labels['none'] ?? '').replace('{query}', query)} ${labels['noneHelp'] ?? ''}`
					: results.length === 1
						? (labels['one'] ?? '')
						: (labels['count'] ?? '').replace('{count}', String(results.length));
			select(0);
		} catch {
			status.textContent = labels['failed'] ?? '';
		}
	};

	if (!wired.has(host)) {
		wired.add(host);
		input.addEventListener('input', () => void update());
		input.addEventListener('keydown', (event) => {
			if (event.key === 'ArrowDown') select(active + 1);
			else if (event.key === 'ArrowUp') select(active - 1);
			else if (event.key === 'Enter') {
				const href = items[active]?.dataset['href'];
				if (href) {
					event.preventDefault();
					dialog.close();
					window.location.assign(href);
				}
				return;
			} else return;
			event.preventDefault();
		});
		list.addEventListener('click', (event) => {
			const href = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]')?.dataset[
				'href'
			];
			if (!href) return;
			dialog.close();
			window.location.assign(href);
		});
		dialog.addEventListener('close', () => {
			if (returnTo instanceof HTMLElement) returnTo.focus();
		});
		dialog.addEventListener('click', (event) => {
			if (event.target === dialog) dialog.close();
		});
	}
	if (!dialog.open) {
		returnTo = document.activeElement;
		dialog.showModal();
	}
	input.focus();
	input.select();
	void searcher().catch(() => {
		status.textContent = labels['failed'] ?? '';
	});
}
