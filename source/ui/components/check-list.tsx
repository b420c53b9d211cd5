// A multi-choice list (Space toggles): ink-select-input has no multi-select.
import {Box, Text} from 'ink';

export interface Check {
	label: string;
	value: string;
	description: string;
	checked: boolean;
}

export function CheckList({items, index, width}: {items: Check[]; index: number; width: number}) {
	const labelWidth = Math.max(...items.map(item => item.label.length)) + 7;
	return (
		<Box flexDirection="column">
			{items.map((item, position) => {
				const active = position === index;
				return (
					<Box key={item.value} width={width}>
						<Box width={labelWidth} flexShrink={0}>
							<Text color={active ? 'cyan' : undefined} bold={active}>
								{active ? '❯ ' : '  '}
								{item.checked ? '◉ ' : '◯ '}
								{item.label}
							</Text>
						</Box>
					</Box>
				);
			})}
			{items[index] ? (
				<Box marginTop={1}>
					<Text dimColor>
						{items[index]!.label}: {items[index]!.description}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
