/**
 * Word lists for generated room names: Adjective + PluralNoun + Verb + Adverb + number, read as a
 * sentence ("BraveOttersSingLoudly42"). Lower-case ASCII, no duplicates within a list (a unit test
 * checks both). Adding words only makes names harder to guess; removing some makes them easier.
 */

export const ADJECTIVES: readonly string[] = [
  'agile', 'amber', 'ancient', 'arctic', 'azure', 'bold', 'brave', 'breezy', 'bright', 'bubbly',
  'busy', 'calm', 'candid', 'cheerful', 'clever', 'cosmic', 'cozy', 'crimson', 'crisp', 'curious',
  'dapper', 'daring', 'dazzling', 'dreamy', 'dusty', 'eager', 'electric', 'emerald', 'fancy', 'fearless',
  'fluffy', 'friendly', 'frosty', 'funny', 'fuzzy', 'gallant', 'gentle', 'giant', 'glad', 'golden',
  'graceful', 'grand', 'happy', 'hearty', 'hidden', 'honest', 'humble', 'hungry', 'icy', 'jazzy',
  'jolly', 'jovial', 'keen', 'kind', 'little', 'lively', 'loyal', 'lucky', 'lunar', 'magic',
  'marble', 'merry', 'mighty', 'misty', 'modest', 'mossy', 'nifty', 'nimble', 'noble', 'olive',
  'orange', 'pastel', 'patient', 'peaceful', 'playful', 'plucky', 'polar', 'polite', 'precious', 'proud',
  'purple', 'quick', 'quiet', 'quirky', 'radiant', 'rainy', 'rapid', 'rosy', 'royal', 'rustic',
  'sandy', 'scarlet', 'secret', 'serene', 'sharp', 'shiny', 'silent', 'silly', 'silver', 'sleepy',
  'smart', 'smooth', 'snowy', 'solar', 'sparkling', 'speedy', 'spicy', 'spotted', 'starry', 'steady',
  'stormy', 'sunny', 'sweet', 'swift', 'tender', 'thankful', 'tidy', 'tiny', 'tough', 'trusty',
  'velvet', 'violet', 'vivid', 'warm', 'wild', 'windy', 'wise', 'witty',
];

export const PLURAL_NOUNS: readonly string[] = [
  'acorns', 'badgers', 'bakers', 'balloons', 'bears', 'beavers', 'bees', 'bicycles', 'bison', 'camels',
  'cats', 'cedars', 'cheetahs', 'clouds', 'comets', 'cranes', 'crows', 'daisies', 'dancers', 'dolphins',
  'donkeys', 'doves', 'dragons', 'drummers', 'ducks', 'eagles', 'falcons', 'farmers', 'ferrets', 'finches',
  'forests', 'foxes', 'frogs', 'gardeners', 'gazelles', 'geckos', 'geese', 'giants', 'giraffes', 'goats',
  'gorillas', 'hamsters', 'hares', 'hawks', 'hedgehogs', 'herons', 'hikers', 'horses', 'inventors', 'islands',
  'jackals', 'jaguars', 'jugglers', 'kangaroos', 'kites', 'knights', 'koalas', 'lanterns', 'lemurs', 'leopards',
  'lions', 'llamas', 'lobsters', 'lynxes', 'magpies', 'maples', 'marbles', 'meadows', 'mountains', 'muffins',
  'narwhals', 'newts', 'oceans', 'ocelots', 'octopuses', 'orcas', 'ostriches', 'otters', 'owls', 'painters',
  'pancakes', 'pandas', 'parrots', 'pebbles', 'pelicans', 'penguins', 'pianos', 'pigeons', 'pilots', 'pirates',
  'planets', 'poets', 'pretzels', 'puffins', 'pumas', 'rabbits', 'ravens', 'rivers', 'robins', 'robots',
  'rockets', 'sailors', 'seals', 'sharks', 'singers', 'sloths', 'snails', 'sparrows', 'squirrels', 'starlings',
  'swans', 'tailors', 'teachers', 'teapots', 'tigers', 'toucans', 'travelers', 'trumpets', 'tulips', 'turtles',
  'violins', 'waffles', 'walruses', 'weasels', 'whales', 'willows', 'wizards', 'wolves', 'wombats', 'yaks',
  'zebras',
];

export const VERBS: readonly string[] = [
  'bake', 'blink', 'bloom', 'bounce', 'build', 'chat', 'cheer', 'chirp', 'clap', 'climb',
  'cook', 'dance', 'dash', 'dive', 'doodle', 'dream', 'drift', 'explore', 'float', 'gallop',
  'gather', 'giggle', 'glide', 'glow', 'grow', 'hike', 'hop', 'hum', 'jive', 'jog',
  'juggle', 'jump', 'knit', 'laugh', 'leap', 'learn', 'listen', 'march', 'marvel', 'meet',
  'munch', 'nap', 'nibble', 'paddle', 'paint', 'parade', 'plan', 'play', 'ponder', 'prance',
  'purr', 'race', 'ramble', 'read', 'relax', 'rest', 'rhyme', 'roam', 'roll', 'row',
  'run', 'sail', 'scribble', 'search', 'shine', 'sing', 'skate', 'ski', 'sleep', 'slide',
  'smile', 'snooze', 'soar', 'sparkle', 'spin', 'splash', 'sprint', 'stroll', 'strum', 'study',
  'surf', 'swim', 'swing', 'talk', 'think', 'tiptoe', 'travel', 'trot', 'tumble', 'twirl',
  'waltz', 'wander', 'wave', 'whistle', 'wiggle', 'wink', 'wobble', 'wonder', 'write', 'yodel',
  'zoom',
];

export const ADVERBS: readonly string[] = [
  'abroad', 'again', 'anywhere', 'boldly', 'bravely', 'brightly', 'busily', 'calmly', 'carefully', 'cheerfully',
  'cleverly', 'daily', 'eagerly', 'early', 'everywhere', 'forever', 'freely', 'gently', 'gladly', 'gleefully',
  'gracefully', 'happily', 'honestly', 'joyfully', 'kindly', 'later', 'lazily', 'lightly', 'loudly', 'loyally',
  'merrily', 'nearby', 'neatly', 'nicely', 'nimbly', 'often', 'openly', 'outside', 'patiently', 'playfully',
  'politely', 'promptly', 'proudly', 'quickly', 'quietly', 'rapidly', 'serenely', 'silently', 'sleepily', 'slowly',
  'smoothly', 'snugly', 'softly', 'speedily', 'splendidly', 'steadily', 'sweetly', 'swiftly', 'tenderly', 'thankfully',
  'tidily', 'today', 'together', 'tonight', 'truly', 'upstairs', 'vividly', 'warmly', 'wildly', 'wisely',
  'zestfully',
];
