import { english, loadDictionary, translator } from './messages';
import { tooManyMessage } from './status-screen';

describe('the too-many-answers sentence', () => {
  it('says when to try again in the words’ language', async () => {
    expect(tooManyMessage(translator(english), 120)).toBe(
      'Too many answers were sent from this connection. Please try again in 2 minutes.',
    );
    expect(tooManyMessage(translator(await loadDictionary('th')), 120)).toBe(
      'มีการส่งคำตอบจากการเชื่อมต่อนี้มากเกินไป โปรดลองอีกครั้งในอีก 2 นาที',
    );
  });

  it('says “later” when the browser cannot word the delay in that language', async () => {
    // Dhivehi has no Intl data in Node (nor in most browsers): "in 2 minutes" would come out in English.
    const dv = await loadDictionary('dv');
    expect(tooManyMessage(translator(dv), 120)).toBe(dv.messages['submit.tooManyLater']);
  });
});
