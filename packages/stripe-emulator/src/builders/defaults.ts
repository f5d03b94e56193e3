/** What the builders assume unless told: a test-mode card payment of 50.00 USD, made now. */
import { findTestCard, TEST_CARDS, type TestCard } from '../payments/test-cards';

export const DEFAULT_AMOUNT = 5000;
export const DEFAULT_CURRENCY = 'usd';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const successCard = (): TestCard => {
  const card = findTestCard(TEST_CARDS.success);
  if (!card) throw new Error('The success test card is missing from the emulator');
  return card;
};

/** The id of an expandable field, whether it holds an id or the object. */
export const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : value?.id;
