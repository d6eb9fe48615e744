#!/usr/bin/env node
// @ts-check
/**
 * Deterministic generator of synthetic customer-service-bot transcripts (and orders) for a
 * cross-border e-commerce shop, in the input format of docs/definitions.md §1.
 *
 * Everything is derived from one 32-bit seed through mulberry32, with no dependencies, so the same
 * options always give byte-identical output. Rows are produced lazily by a sync generator, so a
 * million conversations (~8M rows) stream in constant memory.
 *
 *   node scripts/generate.js --conversations 400 --seed 42 --text \
 *     --out fixtures/demo/transcripts.jsonl --orders fixtures/demo/orders.csv
 *
 * Options: --conversations N (default 400), --seed S (default 42), --out FILE ('-' or absent:
 * stdout), --format jsonl|csv (default: from --out's extension, else jsonl), --text (text on every
 * message; without it about 88 % of messages carry text), --orders FILE (.csv or .jsonl),
 * --start ISO (default 2025-01-06T00:00:00Z), --profile canonical|realistic (default canonical).
 *
 * Profiles: 'canonical' writes every timestamp as YYYY-MM-DDTHH:MM:SSZ and every field the
 * generator knows on every row (fixtures/demo is made with it). 'realistic' writes the same
 * conversations as platforms export them: per conversation one timestamp form (ISO with
 * milliseconds, with a +08:00 or -05:00 offset, epoch milliseconds, epoch seconds with or without
 * a fraction), optional fields kept only as often as platforms export them, fewer csat answers, and
 * two more markets (NL, SG) so that Dutch and Chinese appear too. bench/README.md lists the
 * proportions and the reasons for them.
 *
 * Types of the exports are declared in scripts/generate.d.ts.
 */
import { createWriteStream, mkdirSync, realpathSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Canonical transcript fields (§1), in the order used for JSON keys and CSV columns. */
export const FIELDS = Object.freeze([
  'conversation_id',
  'timestamp',
  'role',
  'event',
  'message_id',
  'text',
  'customer_id',
  'channel',
  'market',
  'language',
  'intent',
  'intent_confidence',
  'expected_intent',
  'fallback',
  'sentiment',
  'csat',
  'resolved',
  'handoff',
  'cost',
  'answer_correct',
  'hallucination',
  'guardrail',
  'judge_correct',
]);

/** Order fields, in CSV column order. */
export const ORDER_FIELDS = Object.freeze(['order_id', 'customer_id', 'timestamp', 'value', 'currency']);

export const DEFAULT_START = '2025-01-06T00:00:00Z';
/** Conversations start over this many days after `start`. */
export const SPAN_DAYS = 42;

const HOUR = 3_600_000;
const MIN = 60_000;
const SEC = 1_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Randomness

/**
 * mulberry32: a tiny, fast, well-distributed 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes two 32-bit integers into a new seed (murmur3 finaliser), for independent sub-streams.
 * @param {number} a
 * @param {number} b
 */
function mix(a, b) {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * @typedef {object} Rng
 * @property {() => number} next uniform in [0, 1)
 * @property {(p: number) => boolean} chance
 * @property {(lo: number, hi: number) => number} int integer in [lo, hi]
 * @property {(lo: number, hi: number) => number} range real in [lo, hi)
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {<T>(items: readonly (readonly [T, number])[]) => T} weighted
 */

/**
 * @param {number} seed
 * @returns {Rng}
 */
function makeRng(seed) {
  const next = mulberry32(seed);
  /** @type {Rng} */
  const rng = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    range: (lo, hi) => lo + next() * (hi - lo),
    pick: (items) => /** @type {any} */ (items[Math.floor(next() * items.length)]),
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return /** @type {any} */ (items[items.length - 1])[0];
    },
  };
  return rng;
}

/** @param {number} x @param {number} digits */
function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** @param {number} x @param {number} lo @param {number} hi */
function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

/** ISO 8601 in UTC with 'Z', whole seconds. @param {number} ms */
function iso(ms) {
  return new Date(Math.floor(ms / SEC) * SEC).toISOString().replace('.000Z', 'Z');
}

/** @param {number} n @param {number} width */
function pad(n, width) {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// World: markets, channels, intents, texts

/** @type {readonly (readonly [string, number])[]} */
const MARKETS = [
  ['US', 26],
  ['GB', 12],
  ['DE', 14],
  ['ES', 8],
  ['MX', 8],
  ['FR', 10],
  ['JP', 7],
  ['BR', 8],
  ['IT', 7],
];

/**
 * Markets the realistic profile adds: the Netherlands (Dutch) and Singapore (customers writing
 * simplified Chinese), so that every language botkpi scores sentiment in appears. A stream of its
 * own moves ADDED_MARKET_P of the customers there; everyone else keeps their canonical market.
 * @type {readonly (readonly [string, number])[]}
 */
const ADDED_MARKETS = [
  ['NL', 6],
  ['SG', 5],
];
const ADDED_MARKET_P = 0.1;

/** Language, currency, an approximate USD→local factor, and UTC offsets (hours) customers live in. */
/** @type {Record<string, {lang: string, currency: string, fx: number, tz: readonly number[]}>} */
const MARKET_INFO = {
  US: { lang: 'en', currency: 'USD', fx: 1, tz: [-5, -5, -6, -7, -8] },
  GB: { lang: 'en', currency: 'GBP', fx: 0.8, tz: [0] },
  DE: { lang: 'de', currency: 'EUR', fx: 0.92, tz: [1] },
  ES: { lang: 'es', currency: 'EUR', fx: 0.92, tz: [1] },
  MX: { lang: 'es', currency: 'MXN', fx: 20, tz: [-6] },
  FR: { lang: 'fr', currency: 'EUR', fx: 0.92, tz: [1] },
  JP: { lang: 'ja', currency: 'JPY', fx: 150, tz: [9] },
  BR: { lang: 'pt', currency: 'BRL', fx: 5, tz: [-3] },
  IT: { lang: 'it', currency: 'EUR', fx: 0.92, tz: [1] },
  NL: { lang: 'nl', currency: 'EUR', fx: 0.92, tz: [1] },
  SG: { lang: 'zh', currency: 'SGD', fx: 1.35, tz: [8] },
};

/** @type {readonly (readonly [string, number])[]} */
const CHANNELS = [
  ['web', 40],
  ['whatsapp', 24],
  ['email', 12],
  ['messenger', 12],
  ['instagram', 12],
];

const INTENTS = Object.freeze([
  'order_status',
  'return_request',
  'refund_status',
  'shipping_cost',
  'product_question',
  'payment_issue',
  'cancel_order',
  'discount_code',
]);

/** @type {readonly (readonly [string, number])[]} */
const INTENT_WEIGHTS = [
  ['order_status', 30],
  ['return_request', 12],
  ['refund_status', 10],
  ['shipping_cost', 9],
  ['product_question', 12],
  ['payment_issue', 7],
  ['cancel_order', 6],
  ['discount_code', 7],
  ['fallback', 7],
];

/** Probability that a conversation about this intent goes to a human. */
/** @type {Record<string, number>} */
const ESCALATION_P = {
  order_status: 0.12,
  return_request: 0.22,
  refund_status: 0.3,
  shipping_cost: 0.06,
  product_question: 0.12,
  payment_issue: 0.45,
  cancel_order: 0.35,
  discount_code: 0.1,
  fallback: 0.3,
};

/** Typical sentiment of a customer asking about this intent. */
/** @type {Record<string, number>} */
const SENTIMENT_BASE = {
  order_status: -0.15,
  return_request: -0.1,
  refund_status: -0.3,
  shipping_cost: 0.05,
  product_question: 0.2,
  payment_issue: -0.5,
  cancel_order: -0.2,
  discount_code: 0.1,
  fallback: -0.1,
};

const AGENTS = Object.freeze(['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Giulia', 'Hana', 'Iker', 'Julia']);
const CODES = Object.freeze(['WELCOME10', 'SPRING15', 'FREESHIP', 'VIP20', 'SALE25']);
const SIGNATURES = Object.freeze(['Maria', 'Tom', 'Lukas', 'Sofía', 'Camille', 'Yuki', 'João', 'Luca', 'Emma', 'Carlos']);

/**
 * @typedef {object} Phrasebook
 * @property {Record<string, {c: readonly string[], b: readonly string[]}>} intents customer asks (c), bot answers (b)
 * @property {readonly string[]} greet the bot's opening line
 * @property {readonly string[]} welcome the bot's answer to thanks
 * @property {readonly string[]} fallbackAsk customer messages the bot cannot classify
 * @property {readonly string[]} fallbackReply
 * @property {readonly string[]} followUp
 * @property {readonly string[]} followUpReply
 * @property {readonly string[]} askHuman
 * @property {readonly string[]} handoff
 * @property {readonly string[]} thanks
 * @property {readonly string[]} ping customer still waiting, nobody answers
 * @property {readonly string[]} agentHello
 * @property {readonly string[]} agentFix
 * @property {readonly string[]} toAgent
 * @property {readonly string[]} mailHello
 * @property {readonly string[]} mailBye
 */

/** @type {Record<string, Phrasebook>} */
const PHRASES = {
  en: {
    greet: ['Hi! I am the virtual assistant. How can I help you today?'],
    welcome: ["You're welcome! Have a great day.", 'Happy to help!'],
    intents: {
      order_status: {
        c: ['Where is my order #{order}?', "Hi, my order {order} still hasn't arrived. Can you check?", 'When will my package be delivered?'],
        b: [
          'Your order #{order} has shipped and should arrive within {days} business days. Tracking number: {tracking}.',
          'I found order #{order}: it is with the courier and expected in {days} days.',
        ],
      },
      return_request: {
        c: ["I want to return the shoes I bought, they're too small.", 'How do I return an item?', 'Can I send back a jacket I ordered?'],
        b: [
          'You can return items within 30 days: go to My orders > Return an item and print the free label.',
          "I've started a return for order #{order}. The prepaid label is on its way to your email.",
        ],
      },
      refund_status: {
        c: ['I sent my return two weeks ago, where is my refund?', 'When will I get my money back for order #{order}?'],
        b: [
          'Refunds are issued within 5-7 business days after the return reaches our warehouse. Yours for order #{order} is being processed.',
          'Your refund for order #{order} was approved; your bank may need {days} more days to show it.',
        ],
      },
      shipping_cost: {
        c: ['How much is shipping to my country?', 'Do you offer free shipping?', 'Are there customs fees on international orders?'],
        b: [
          'Standard shipping is free on orders over 50; otherwise a flat fee of 4.99 applies.',
          'Duties and taxes are included in the price at checkout, so there are no surprise fees on delivery.',
        ],
      },
      product_question: {
        c: ['Is this jacket waterproof?', 'Do you have the blue sneakers in size 42?', 'What material is the "Classic" backpack made of?'],
        b: ['Yes, that model is available in your size. You can select it on the product page.', 'It is made of recycled polyester with a water-repellent coating.'],
      },
      payment_issue: {
        c: ['My card was charged twice!', 'The payment keeps failing at checkout.', 'Why was my PayPal payment declined?'],
        b: [
          "I'm sorry about that. A second charge is usually a pre-authorisation that disappears within 3 days.",
          'Payments can fail when the billing address differs from the card address. Please check it and try again.',
        ],
      },
      cancel_order: {
        c: ['Please cancel my order #{order}.', 'Can I still cancel my order? I ordered by mistake.'],
        b: ["Your order #{order} has been cancelled. You'll receive a confirmation email shortly.", 'Orders can be cancelled until they ship. Yours has not shipped yet, so I can cancel it.'],
      },
      discount_code: {
        c: ["My discount code {code} doesn't work.", 'Do you have any promo codes?'],
        b: ['The code {code} is valid on first orders over 30. Enter it at checkout, not in the cart.', 'Sign up for our newsletter and you will get 10% off your next order.'],
      },
    },
    fallbackAsk: ['hmm', 'can u help me with the thing from last week', 'asdfgh', 'is it the same as the other one?'],
    fallbackReply: ["Sorry, I didn't get that. Could you rephrase?", "I'm not sure I understood. Could you tell me a bit more?"],
    followUp: ['And how long will that take?', 'Can you check again, please?', 'Ok, and what if it does not work?'],
    followUpReply: ['It usually takes 2-3 business days.', "I've checked again and everything looks correct on our side."],
    askHuman: ['I want to talk to a human.', 'Agent please', 'Can I speak to a real person?'],
    handoff: ['Let me connect you with a human agent.', "I'm transferring you to a colleague who can help."],
    thanks: ['Thanks!', 'Great, thank you.', 'ok'],
    ping: ['Hello? Anyone there?', '??'],
    agentHello: ["Hi, this is {agent} from customer support. I'm looking into it now.", 'Thanks for waiting, {agent} here. I have checked your account.'],
    agentFix: ["All sorted, you'll get a confirmation email shortly.", "I've fixed it on our side. Is there anything else I can do?"],
    toAgent: ['Thank you so much!', 'Ok, thanks for the help.'],
    mailHello: ['Hello,', 'Hi there,'],
    mailBye: ['Thanks,\n{name}', 'Best regards,\n{name}'],
  },
  de: {
    greet: ['Hallo! Ich bin der virtuelle Assistent. Wie kann ich helfen?'],
    welcome: ['Gern geschehen! Einen schönen Tag noch.', 'Gerne!'],
    intents: {
      order_status: {
        c: ['Wo ist meine Bestellung #{order}?', 'Meine Bestellung {order} ist immer noch nicht angekommen.', 'Wann wird mein Paket geliefert?'],
        b: [
          'Deine Bestellung #{order} wurde versandt und kommt in {days} Werktagen an. Sendungsnummer: {tracking}.',
          'Ich habe die Bestellung #{order} gefunden: Sie ist beim Versanddienstleister und kommt in {days} Tagen.',
        ],
      },
      return_request: {
        c: ['Ich möchte die Schuhe zurückschicken, sie sind zu klein.', 'Wie kann ich einen Artikel zurücksenden?'],
        b: ['Du kannst Artikel innerhalb von 30 Tagen zurückgeben: Meine Bestellungen > Artikel zurücksenden.', 'Ich habe die Rücksendung für #{order} angelegt. Das kostenlose Etikett kommt per E-Mail.'],
      },
      refund_status: {
        c: ['Ich habe die Ware vor zwei Wochen zurückgeschickt. Wo bleibt meine Erstattung?', 'Wann bekomme ich mein Geld für Bestellung #{order} zurück?'],
        b: ['Erstattungen erfolgen 5-7 Werktage nach Eingang der Rücksendung. Deine für #{order} wird bearbeitet.', 'Deine Erstattung wurde freigegeben; die Bank braucht eventuell noch {days} Tage.'],
      },
      shipping_cost: {
        c: ['Was kostet der Versand nach Deutschland?', 'Ist der Versand kostenlos?'],
        b: ['Ab 50 € Bestellwert ist der Versand kostenlos, sonst kostet er 4,99 €.', 'Zölle und Steuern sind bereits im Preis enthalten.'],
      },
      product_question: {
        c: ['Ist diese Jacke wasserdicht?', 'Habt ihr die blauen Sneaker in Größe 42?'],
        b: ['Ja, das Modell ist in deiner Größe verfügbar. Du kannst sie auf der Produktseite auswählen.', 'Sie besteht aus recyceltem Polyester mit wasserabweisender Beschichtung.'],
      },
      payment_issue: {
        c: ['Meine Karte wurde doppelt belastet!', 'Die Zahlung schlägt beim Checkout immer fehl.'],
        b: ['Das tut mir leid. Eine zweite Belastung ist meist eine Vorautorisierung, die nach 3 Tagen verschwindet.', 'Bitte prüfe, ob die Rechnungsadresse mit der Kartenadresse übereinstimmt, und versuche es erneut.'],
      },
      cancel_order: {
        c: ['Bitte storniere meine Bestellung #{order}.', 'Kann ich meine Bestellung noch stornieren?'],
        b: ['Deine Bestellung #{order} wurde storniert. Du erhältst gleich eine Bestätigung per E-Mail.', 'Bestellungen können bis zum Versand storniert werden. Deine ist noch nicht versandt.'],
      },
      discount_code: {
        c: ['Mein Rabattcode {code} funktioniert nicht.', 'Gibt es gerade Gutscheincodes?'],
        b: ['Der Code {code} gilt für Erstbestellungen ab 30 €. Gib ihn an der Kasse ein, nicht im Warenkorb.', 'Mit unserem Newsletter bekommst du 10 % auf deine nächste Bestellung.'],
      },
    },
    fallbackAsk: ['hmm', 'das mit dem ding von letzter woche', 'asdf', 'geht das auch anders?'],
    fallbackReply: ['Entschuldigung, das habe ich nicht verstanden. Kannst du es anders formulieren?', 'Ich bin nicht sicher, ob ich dich verstanden habe.'],
    followUp: ['Und wie lange dauert das?', 'Kannst du bitte nochmal nachsehen?'],
    followUpReply: ['Das dauert normalerweise 2-3 Werktage.', 'Ich habe nochmal nachgesehen, bei uns ist alles korrekt.'],
    askHuman: ['Ich möchte mit einem Menschen sprechen.', 'Bitte einen Mitarbeiter!'],
    handoff: ['Ich verbinde dich mit einem Kollegen aus dem Kundenservice.', 'Einen Moment, ich leite dich an einen Mitarbeiter weiter.'],
    thanks: ['Danke!', 'Super, vielen Dank.', 'ok'],
    ping: ['Hallo? Ist da jemand?', '??'],
    agentHello: ['Hallo, hier ist {agent} vom Kundenservice. Ich schaue mir das gleich an.', 'Danke fürs Warten, hier ist {agent}.'],
    agentFix: ['Alles erledigt, du bekommst gleich eine Bestätigung.', 'Ich habe das bei uns korrigiert. Kann ich sonst noch helfen?'],
    toAgent: ['Vielen Dank!', 'Ok, danke für die Hilfe.'],
    mailHello: ['Hallo,', 'Guten Tag,'],
    mailBye: ['Viele Grüße\n{name}', 'Danke,\n{name}'],
  },
  es: {
    greet: ['¡Hola! Soy el asistente virtual. ¿En qué puedo ayudarte?'],
    welcome: ['¡De nada! Que tengas un buen día.', '¡Un placer ayudarte!'],
    intents: {
      order_status: {
        c: ['¿Dónde está mi pedido?', 'Mi pedido #{order} todavía no ha llegado.', '¿Cuándo llega mi paquete?'],
        b: ['Tu pedido #{order} ya fue enviado y llegará en {days} días hábiles. Número de seguimiento: {tracking}.', 'Encontré el pedido #{order}: está con la paquetería y llegará en {days} días.'],
      },
      return_request: {
        c: ['Quiero devolver unos zapatos, me quedan pequeños.', '¿Cómo hago una devolución?'],
        b: ['Puedes devolver artículos durante 30 días desde Mis pedidos > Devolver artículo.', 'He iniciado la devolución del pedido #{order}. La etiqueta gratuita te llegará por correo.'],
      },
      refund_status: {
        c: ['Devolví el pedido hace dos semanas, ¿dónde está mi reembolso?', '¿Cuándo me devuelven el dinero del pedido #{order}?'],
        b: ['Los reembolsos se emiten 5-7 días hábiles después de recibir la devolución. El tuyo está en proceso.', 'Tu reembolso fue aprobado; el banco puede tardar {days} días más en reflejarlo.'],
      },
      shipping_cost: {
        c: ['¿Cuánto cuesta el envío?', '¿El envío es gratis?'],
        b: ['El envío es gratis en pedidos de más de 50; si no, cuesta 4,99.', 'Los impuestos y aranceles ya están incluidos en el precio.'],
      },
      product_question: {
        c: ['¿Esta chaqueta es impermeable?', '¿Tienen las zapatillas azules en talla 42?'],
        b: ['Sí, ese modelo está disponible en tu talla. Puedes elegirla en la página del producto.', 'Está hecha de poliéster reciclado con un recubrimiento repelente al agua.'],
      },
      payment_issue: {
        c: ['¡Me cobraron dos veces!', 'El pago falla siempre al finalizar la compra.'],
        b: ['Lo siento. Un segundo cargo suele ser una preautorización que desaparece en 3 días.', 'Revisa que la dirección de facturación coincida con la de la tarjeta e inténtalo de nuevo.'],
      },
      cancel_order: {
        c: ['Por favor, cancela mi pedido #{order}.', '¿Todavía puedo cancelar mi pedido?'],
        b: ['Tu pedido #{order} ha sido cancelado. Recibirás un correo de confirmación.', 'Los pedidos se pueden cancelar hasta que se envían. El tuyo aún no ha salido.'],
      },
      discount_code: {
        c: ['Mi código de descuento {code} no funciona.', '¿Tienen algún código promocional?'],
        b: ['El código {code} es válido en primeras compras de más de 30. Introdúcelo al pagar.', 'Suscríbete al boletín y obtendrás un 10 % de descuento.'],
      },
    },
    fallbackAsk: ['mmm', 'lo de la otra vez', 'asdf', '¿y eso qué?'],
    fallbackReply: ['Perdón, no lo entendí. ¿Puedes decirlo de otra forma?', 'No estoy seguro de haberte entendido.'],
    followUp: ['¿Y cuánto tarda?', '¿Puedes revisarlo otra vez, por favor?'],
    followUpReply: ['Normalmente tarda 2-3 días hábiles.', 'Lo revisé de nuevo y todo está correcto.'],
    askHuman: ['Quiero hablar con una persona.', 'Un agente, por favor.'],
    handoff: ['Te paso con un agente de atención al cliente.', 'Un momento, te transfiero con un compañero.'],
    thanks: ['¡Gracias!', 'Perfecto, muchas gracias.', 'ok'],
    ping: ['¿Hola? ¿Hay alguien?', '??'],
    agentHello: ['Hola, soy {agent} de atención al cliente. Ya lo estoy revisando.', 'Gracias por esperar, soy {agent}.'],
    agentFix: ['Listo, recibirás una confirmación por correo.', 'Ya lo corregí. ¿Te puedo ayudar en algo más?'],
    toAgent: ['¡Muchas gracias!', 'Ok, gracias por la ayuda.'],
    mailHello: ['Hola:', 'Buenos días:'],
    mailBye: ['Saludos,\n{name}', 'Gracias,\n{name}'],
  },
  fr: {
    greet: ['Bonjour ! Je suis l’assistant virtuel. Comment puis-je vous aider ?'],
    welcome: ['Avec plaisir ! Bonne journée.', 'Je vous en prie !'],
    intents: {
      order_status: {
        c: ['Où est ma commande #{order} ?', "Ma commande {order} n'est toujours pas arrivée.", 'Quand mon colis sera-t-il livré ?'],
        b: ['Votre commande #{order} a été expédiée et arrivera sous {days} jours ouvrés. Suivi : {tracking}.', 'J’ai trouvé la commande #{order} : elle est chez le transporteur et arrivera dans {days} jours.'],
      },
      return_request: {
        c: ['Je veux retourner des chaussures, elles sont trop petites.', 'Comment faire un retour ?'],
        b: ['Vous pouvez retourner un article sous 30 jours depuis Mes commandes > Retourner un article.', "J'ai créé le retour de la commande #{order}. L'étiquette gratuite arrive par e-mail."],
      },
      refund_status: {
        c: ["J'ai renvoyé ma commande il y a deux semaines, où est mon remboursement ?", 'Quand serai-je remboursé pour la commande #{order} ?'],
        b: ['Les remboursements sont effectués 5 à 7 jours ouvrés après réception du retour.', 'Votre remboursement est validé ; votre banque peut mettre encore {days} jours.'],
      },
      shipping_cost: {
        c: ['Combien coûte la livraison ?', 'La livraison est-elle gratuite ?'],
        b: ['La livraison est gratuite dès 50 € d’achat, sinon elle coûte 4,99 €.', 'Les droits et taxes sont inclus dans le prix.'],
      },
      product_question: {
        c: ['Cette veste est-elle imperméable ?', 'Avez-vous les baskets bleues en 42 ?'],
        b: ['Oui, ce modèle est disponible dans votre taille.', 'Elle est en polyester recyclé avec un traitement déperlant.'],
      },
      payment_issue: {
        c: ["J'ai été débité deux fois !", 'Le paiement échoue à chaque fois.'],
        b: ["Désolé. Le second débit est en général une pré-autorisation qui disparaît sous 3 jours.", "Vérifiez que l'adresse de facturation correspond à celle de la carte."],
      },
      cancel_order: {
        c: ['Merci d’annuler ma commande #{order}.', 'Puis-je encore annuler ma commande ?'],
        b: ['Votre commande #{order} est annulée. Vous allez recevoir un e-mail de confirmation.', 'Une commande peut être annulée tant qu’elle n’est pas expédiée.'],
      },
      discount_code: {
        c: ['Mon code promo {code} ne marche pas.', 'Avez-vous des codes de réduction ?'],
        b: ['Le code {code} est valable sur une première commande de plus de 30 €.', 'Inscrivez-vous à la newsletter pour obtenir 10 % de réduction.'],
      },
    },
    fallbackAsk: ['euh', 'le truc de la semaine dernière', 'azerty', 'et alors ?'],
    fallbackReply: ["Désolé, je n'ai pas compris. Pouvez-vous reformuler ?", 'Je ne suis pas sûr d’avoir bien compris.'],
    followUp: ['Et ça prend combien de temps ?', 'Vous pouvez vérifier encore une fois ?'],
    followUpReply: ['Cela prend généralement 2 à 3 jours ouvrés.', "J'ai vérifié à nouveau, tout est correct de notre côté."],
    askHuman: ['Je veux parler à un humain.', 'Un conseiller, svp'],
    handoff: ['Je vous mets en relation avec un conseiller.', 'Un instant, je vous transfère à un collègue.'],
    thanks: ['Merci !', 'Parfait, merci beaucoup.', 'ok'],
    ping: ['Allô ? Il y a quelqu’un ?', '??'],
    agentHello: ['Bonjour, ici {agent} du service client. Je regarde tout de suite.', 'Merci de votre patience, {agent} à votre service.'],
    agentFix: ["C'est réglé, vous recevrez une confirmation par e-mail.", "J'ai corrigé le problème. Puis-je vous aider pour autre chose ?"],
    toAgent: ['Merci beaucoup !', "D'accord, merci pour votre aide."],
    mailHello: ['Bonjour,', 'Madame, Monsieur,'],
    mailBye: ['Cordialement,\n{name}', 'Merci,\n{name}'],
  },
  ja: {
    greet: ['こんにちは！バーチャルアシスタントです。ご用件をお聞かせください。'],
    welcome: ['どういたしまして！良い一日を。', 'お役に立てて嬉しいです！'],
    intents: {
      order_status: {
        c: ['注文はどこですか？', '注文番号{order}の商品がまだ届きません。', '荷物はいつ届きますか？'],
        b: ['ご注文#{order}は発送済みで、{days}営業日以内に届く予定です。追跡番号：{tracking}', 'ご注文#{order}は配送業者に引き渡されており、{days}日後に到着予定です。'],
      },
      return_request: {
        c: ['靴が小さかったので返品したいです。', '返品の方法を教えてください。'],
        b: ['商品到着から30日以内であれば、「注文履歴」から返品できます。', 'ご注文#{order}の返品手続きを開始しました。返送ラベルをメールでお送りします。'],
      },
      refund_status: {
        c: ['2週間前に返品しましたが、返金はまだですか？', '注文#{order}の返金はいつになりますか？'],
        b: ['返品到着後5〜7営業日以内に返金いたします。', '返金は承認済みです。反映まで{days}日ほどかかる場合があります。'],
      },
      shipping_cost: {
        c: ['送料はいくらですか？', '送料無料になりますか？'],
        b: ['5,000円以上のご注文で送料無料です。それ以外は一律500円です。', '関税と税金は商品価格に含まれています。'],
      },
      product_question: {
        c: ['このジャケットは防水ですか？', '青いスニーカーの26cmはありますか？'],
        b: ['はい、そのサイズの在庫がございます。商品ページから選択できます。', 'リサイクルポリエステル製で、撥水加工が施されています。'],
      },
      payment_issue: {
        c: ['カードが二重に請求されました！', '決済がエラーになります。'],
        b: ['ご迷惑をおかけして申し訳ありません。二重請求は仮売上で、3日以内に取り消されます。', '請求先住所がカードの登録住所と一致しているかご確認ください。'],
      },
      cancel_order: {
        c: ['注文#{order}をキャンセルしてください。', 'まだ注文をキャンセルできますか？'],
        b: ['ご注文#{order}をキャンセルしました。確認メールをお送りします。', '発送前のご注文はキャンセル可能です。'],
      },
      discount_code: {
        c: ['クーポンコード{code}が使えません。', '割引コードはありますか？'],
        b: ['{code}は初回3,000円以上のご注文で有効です。お支払い画面で入力してください。', 'ニュースレターに登録すると次回10％オフになります。'],
      },
    },
    fallbackAsk: ['えっと', 'この前のやつ', 'あああ', 'それってどういうこと？'],
    fallbackReply: ['申し訳ありません、よく分かりませんでした。言い換えていただけますか？', 'ご質問の内容を理解できませんでした。'],
    followUp: ['どのくらいかかりますか？', 'もう一度確認してもらえますか？'],
    followUpReply: ['通常2〜3営業日かかります。', 'もう一度確認しましたが、問題はありません。'],
    askHuman: ['オペレーターと話したいです。', '人と話せますか？'],
    handoff: ['担当者におつなぎします。', '少々お待ちください。オペレーターに転送いたします。'],
    thanks: ['ありがとうございます！', '助かりました。', 'はい'],
    ping: ['もしもし？', '？？'],
    agentHello: ['カスタマーサポートの{agent}です。すぐに確認いたします。', 'お待たせしました。{agent}が担当いたします。'],
    agentFix: ['対応が完了しました。確認メールをお送りします。', '修正いたしました。他にお手伝いできることはありますか？'],
    toAgent: ['ありがとうございました！', '助かりました。'],
    mailHello: ['お世話になっております。', 'こんにちは。'],
    mailBye: ['よろしくお願いいたします。\n{name}', '{name}'],
  },
  pt: {
    greet: ['Olá! Sou o assistente virtual. Como posso ajudar?'],
    welcome: ['Por nada! Tenha um ótimo dia.', 'Disponha!'],
    intents: {
      order_status: {
        c: ['Cadê meu pedido #{order}?', 'Meu pedido {order} ainda não chegou.', 'Quando meu pacote vai ser entregue?'],
        b: ['Seu pedido #{order} foi enviado e chega em até {days} dias úteis. Rastreio: {tracking}.', 'Encontrei o pedido #{order}: está com a transportadora e chega em {days} dias.'],
      },
      return_request: {
        c: ['Quero devolver um tênis, ficou pequeno.', 'Como faço para trocar um produto?'],
        b: ['Você pode devolver itens em até 30 dias em Meus pedidos > Devolver item.', 'Iniciei a devolução do pedido #{order}. A etiqueta grátis vai chegar por e-mail.'],
      },
      refund_status: {
        c: ['Devolvi o pedido há duas semanas, cadê meu reembolso?', 'Quando recebo o dinheiro do pedido #{order}?'],
        b: ['O reembolso é feito em 5 a 7 dias úteis após recebermos a devolução.', 'Seu reembolso foi aprovado; o banco pode levar mais {days} dias.'],
      },
      shipping_cost: {
        c: ['Quanto custa o frete?', 'O frete é grátis?'],
        b: ['O frete é grátis em compras acima de R$ 250; caso contrário custa R$ 25.', 'Impostos e taxas já estão incluídos no preço.'],
      },
      product_question: {
        c: ['Essa jaqueta é impermeável?', 'Tem o tênis azul no tamanho 40?'],
        b: ['Sim, esse modelo está disponível no seu tamanho.', 'É feita de poliéster reciclado com acabamento repelente à água.'],
      },
      payment_issue: {
        c: ['Fui cobrado duas vezes!', 'O pagamento não passa no checkout.'],
        b: ['Sinto muito. A segunda cobrança geralmente é uma pré-autorização que some em 3 dias.', 'Confira se o endereço de cobrança é o mesmo do cartão e tente de novo.'],
      },
      cancel_order: {
        c: ['Por favor, cancele meu pedido #{order}.', 'Ainda dá para cancelar meu pedido?'],
        b: ['Seu pedido #{order} foi cancelado. Você vai receber um e-mail de confirmação.', 'Pedidos podem ser cancelados até o envio. O seu ainda não foi enviado.'],
      },
      discount_code: {
        c: ['Meu cupom {code} não funciona.', 'Vocês têm algum cupom de desconto?'],
        b: ['O cupom {code} vale para a primeira compra acima de R$ 150.', 'Assine a newsletter e ganhe 10% de desconto.'],
      },
    },
    fallbackAsk: ['hmm', 'aquilo da semana passada', 'asdf', 'e aí?'],
    fallbackReply: ['Desculpe, não entendi. Pode reformular?', 'Não tenho certeza se entendi.'],
    followUp: ['E quanto tempo demora?', 'Pode verificar de novo, por favor?'],
    followUpReply: ['Normalmente leva 2 a 3 dias úteis.', 'Verifiquei de novo e está tudo certo.'],
    askHuman: ['Quero falar com um atendente.', 'Atendente, por favor'],
    handoff: ['Vou transferir você para um atendente.', 'Um momento, vou passar para um colega.'],
    thanks: ['Obrigado!', 'Valeu, muito obrigada.', 'ok'],
    ping: ['Oi? Tem alguém aí?', '??'],
    agentHello: ['Olá, aqui é {agent} do atendimento. Já estou verificando.', 'Obrigado por aguardar, {agent} falando.'],
    agentFix: ['Tudo certo, você vai receber uma confirmação por e-mail.', 'Corrigi aqui. Posso ajudar em mais alguma coisa?'],
    toAgent: ['Muito obrigado!', 'Ok, obrigada pela ajuda.'],
    mailHello: ['Olá,', 'Bom dia,'],
    mailBye: ['Abraços,\n{name}', 'Obrigado,\n{name}'],
  },
  it: {
    greet: ['Ciao! Sono l’assistente virtuale. Come posso aiutarti?'],
    welcome: ['Prego! Buona giornata.', 'Felice di esserti stato utile!'],
    intents: {
      order_status: {
        c: ['Dov’è il mio ordine #{order}?', "Il mio ordine {order} non è ancora arrivato.", 'Quando arriva il mio pacco?'],
        b: ['Il tuo ordine #{order} è stato spedito e arriverà entro {days} giorni lavorativi. Tracking: {tracking}.', "Ho trovato l'ordine #{order}: è in consegna e arriverà tra {days} giorni."],
      },
      return_request: {
        c: ['Vorrei restituire le scarpe, sono troppo piccole.', 'Come faccio un reso?'],
        b: ['Puoi restituire gli articoli entro 30 giorni da I miei ordini > Restituisci articolo.', "Ho avviato il reso dell'ordine #{order}. L'etichetta gratuita arriverà via e-mail."],
      },
      refund_status: {
        c: ['Ho fatto il reso due settimane fa, dov’è il rimborso?', "Quando ricevo il rimborso dell'ordine #{order}?"],
        b: ['I rimborsi vengono emessi 5-7 giorni lavorativi dopo la ricezione del reso.', 'Il rimborso è approvato; la banca può impiegare altri {days} giorni.'],
      },
      shipping_cost: {
        c: ['Quanto costa la spedizione?', 'La spedizione è gratuita?'],
        b: ['La spedizione è gratuita sopra i 50 €, altrimenti costa 4,99 €.', 'Dazi e tasse sono già inclusi nel prezzo.'],
      },
      product_question: {
        c: ['Questa giacca è impermeabile?', 'Avete le sneaker blu nella taglia 42?'],
        b: ['Sì, il modello è disponibile nella tua taglia.', 'È in poliestere riciclato con trattamento idrorepellente.'],
      },
      payment_issue: {
        c: ['Mi avete addebitato due volte!', 'Il pagamento non va a buon fine.'],
        b: ['Mi dispiace. Il secondo addebito di solito è una preautorizzazione che sparisce entro 3 giorni.', "Controlla che l'indirizzo di fatturazione coincida con quello della carta."],
      },
      cancel_order: {
        c: ["Per favore annullate l'ordine #{order}.", 'Posso ancora annullare il mio ordine?'],
        b: ["L'ordine #{order} è stato annullato. Riceverai una e-mail di conferma.", 'Gli ordini si possono annullare fino alla spedizione.'],
      },
      discount_code: {
        c: ['Il codice sconto {code} non funziona.', 'Avete dei codici promozionali?'],
        b: ['Il codice {code} vale sul primo ordine sopra i 30 €.', 'Iscriviti alla newsletter e avrai il 10% di sconto.'],
      },
    },
    fallbackAsk: ['mah', 'quella cosa della settimana scorsa', 'asdf', 'e quindi?'],
    fallbackReply: ['Scusa, non ho capito. Puoi riformulare?', 'Non sono sicuro di aver capito.'],
    followUp: ['E quanto ci vuole?', 'Puoi ricontrollare, per favore?'],
    followUpReply: ['Di solito ci vogliono 2-3 giorni lavorativi.', 'Ho ricontrollato ed è tutto corretto.'],
    askHuman: ['Voglio parlare con un operatore.', 'Un operatore, per favore'],
    handoff: ['Ti metto in contatto con un operatore.', 'Un attimo, ti passo un collega.'],
    thanks: ['Grazie!', 'Perfetto, grazie mille.', 'ok'],
    ping: ['Pronto? C’è qualcuno?', '??'],
    agentHello: ['Ciao, sono {agent} del servizio clienti. Controllo subito.', 'Grazie per l’attesa, sono {agent}.'],
    agentFix: ['Fatto, riceverai una conferma via e-mail.', 'Ho sistemato tutto. Posso aiutarti in altro?'],
    toAgent: ['Grazie mille!', 'Ok, grazie per l’aiuto.'],
    mailHello: ['Buongiorno,', 'Salve,'],
    mailBye: ['Cordiali saluti,\n{name}', 'Grazie,\n{name}'],
  },
  // Dutch and (simplified) Chinese: only customers of the realistic profile's NL and SG markets
  // write them, so the canonical output never picks these books.
  nl: {
    greet: ['Hoi! Ik ben de virtuele assistent. Waarmee kan ik je helpen?'],
    welcome: ['Graag gedaan! Fijne dag nog.', 'Fijn dat ik je kon helpen!'],
    intents: {
      order_status: {
        c: ['Hoe staat het met mijn bestelling #{order}?', 'Mijn bestelling {order} is nog steeds niet binnen. Kunnen jullie dat nakijken?', 'Wanneer komt mijn pakket aan?'],
        b: [
          'Je bestelling #{order} is verzonden en wordt binnen {days} werkdagen bezorgd. Track & trace: {tracking}.',
          'Ik heb bestelling #{order} gevonden: die ligt bij de vervoerder en komt over {days} dagen aan.',
        ],
      },
      return_request: {
        c: ['Ik wil de schoenen terugsturen, ze zijn te klein.', 'Hoe kan ik een artikel retourneren?'],
        b: ['Je kunt artikelen binnen 30 dagen retourneren via Mijn bestellingen > Artikel retourneren.', 'Ik heb de retour voor #{order} aangemaakt. Het gratis retourlabel komt per e-mail.'],
      },
      refund_status: {
        c: ['Ik heb mijn retour twee weken geleden opgestuurd en nog steeds geen geld terug. Erg teleurgesteld.', 'Wanneer krijg ik mijn geld terug voor bestelling #{order}?'],
        b: ['Terugbetalingen volgen 5-7 werkdagen nadat de retour in ons magazijn is. Die van #{order} wordt verwerkt.', 'Je terugbetaling is goedgekeurd; je bank heeft misschien nog {days} dagen nodig.'],
      },
      shipping_cost: {
        c: ['Wat kost de verzending naar Nederland?', 'Is de verzending gratis?'],
        b: ['Vanaf € 50 is de verzending gratis, anders kost die € 4,99.', 'Invoerrechten en btw zijn al in de prijs inbegrepen.'],
      },
      product_question: {
        c: ['Is deze jas waterdicht?', 'Hebben jullie de blauwe sneakers in maat 42?'],
        b: ['Ja, dat model is in jouw maat beschikbaar. Je kunt hem kiezen op de productpagina.', 'Hij is gemaakt van gerecycled polyester met een waterafstotende laag.'],
      },
      payment_issue: {
        c: ['Er is twee keer van mijn kaart afgeschreven! Echt vervelend.', 'De betaling mislukt steeds bij het afrekenen.'],
        b: ['Sorry daarvoor. Een tweede afschrijving is meestal een reservering die binnen 3 dagen verdwijnt.', 'Controleer of het factuuradres overeenkomt met het adres van je kaart en probeer het opnieuw.'],
      },
      cancel_order: {
        c: ['Willen jullie mijn bestelling #{order} annuleren?', 'Kan ik mijn bestelling nog annuleren?'],
        b: ['Je bestelling #{order} is geannuleerd. Je krijgt zo een bevestiging per e-mail.', 'Bestellingen kun je annuleren tot ze verzonden zijn. De jouwe is nog niet verzonden.'],
      },
      discount_code: {
        c: ['Mijn kortingscode {code} werkt niet.', 'Hebben jullie kortingscodes?'],
        b: ['De code {code} geldt voor een eerste bestelling vanaf € 30. Vul hem in bij het afrekenen, niet in het winkelmandje.', 'Meld je aan voor de nieuwsbrief en je krijgt 10% korting op je volgende bestelling.'],
      },
    },
    fallbackAsk: ['hmm', 'dat ding van vorige week', 'asdf', 'kan het ook anders?'],
    fallbackReply: ['Sorry, dat begreep ik niet. Kun je het anders zeggen?', 'Ik weet niet zeker of ik je goed begrijp.'],
    followUp: ['En hoe lang duurt dat?', 'Kun je het nog een keer nakijken?'],
    followUpReply: ['Dat duurt meestal 2-3 werkdagen.', 'Ik heb het nog eens nagekeken, bij ons klopt alles.'],
    askHuman: ['Ik wil een medewerker spreken.', 'Een mens graag!'],
    handoff: ['Ik verbind je door met een collega van de klantenservice.', 'Een moment, ik zet je door naar een medewerker.'],
    thanks: ['Bedankt!', 'Top, heel erg bedankt.', 'ok'],
    ping: ['Hallo? Is daar iemand?', '??'],
    agentHello: ['Hoi, met {agent} van de klantenservice. Ik kijk er meteen naar.', 'Bedankt voor het wachten, je spreekt met {agent}.'],
    agentFix: ['Alles is geregeld, je krijgt zo een bevestiging per e-mail.', 'Ik heb het bij ons opgelost. Kan ik je nog ergens mee helpen?'],
    toAgent: ['Heel erg bedankt!', 'Ok, bedankt voor de hulp.'],
    mailHello: ['Hallo,', 'Beste klantenservice,'],
    mailBye: ['Met vriendelijke groet,\n{name}', 'Bedankt,\n{name}'],
  },
  zh: {
    greet: ['您好！我是虚拟助理，请问有什么可以帮您？'],
    welcome: ['不客气！祝您有美好的一天。', '很高兴能帮到您！'],
    intents: {
      order_status: {
        c: ['我的订单#{order}到哪里了？', '订单{order}到现在还没收到，太慢了，能帮我查一下吗？', '我的包裹什么时候到？'],
        b: ['您的订单#{order}已发货，预计{days}个工作日内送达。物流单号：{tracking}。', '已找到订单#{order}：目前在快递公司，预计{days}天后送达。'],
      },
      return_request: {
        c: ['鞋子太小了，我想退货。', '请问怎么退货？'],
        b: ['收货后30天内可以在“我的订单”>“申请退货”办理。', '已为订单#{order}创建退货，免费退货标签会发到您的邮箱。'],
      },
      refund_status: {
        c: ['我两周前就退货了，退款呢？真让人失望。', '订单#{order}的退款什么时候到账？'],
        b: ['退货到达仓库后5到7个工作日内退款。', '您的退款已批准，银行可能还需要{days}天到账。'],
      },
      shipping_cost: {
        c: ['运费多少？', '包邮吗？'],
        b: ['订单满50新元包邮，否则运费为4.99新元。', '关税和税费已包含在商品价格中。'],
      },
      product_question: {
        c: ['这件外套防水吗？', '蓝色运动鞋有42码吗？'],
        b: ['有的，这款有您的尺码，可以在商品页面选择。', '采用再生聚酯纤维，带防泼水涂层。'],
      },
      payment_issue: {
        c: ['我的信用卡被重复扣款了，气死了！', '结账时付款一直失败，好麻烦。'],
        b: ['很抱歉给您带来不便。第二笔扣款通常是预授权，3天内会自动取消。', '请确认账单地址与信用卡地址一致后再试一次。'],
      },
      cancel_order: {
        c: ['请帮我取消订单#{order}。', '我的订单还能取消吗？'],
        b: ['订单#{order}已取消，确认邮件稍后发出。', '订单在发货前都可以取消，您的订单还没有发货。'],
      },
      discount_code: {
        c: ['优惠码{code}用不了。', '有没有优惠码？'],
        b: ['{code}适用于首次购物满30新元的订单，请在结账页面输入。', '订阅我们的电子报，下次购物可享九折优惠。'],
      },
    },
    fallbackAsk: ['嗯', '上次那个', 'asdf', '所以呢？'],
    fallbackReply: ['抱歉，我没有理解，可以换个说法吗？', '我不确定是否理解了您的意思。'],
    followUp: ['那要多久？', '可以再帮我确认一下吗？'],
    followUpReply: ['通常需要2到3个工作日。', '已再次确认，我们这边一切正常。'],
    askHuman: ['我要找人工客服。', '请转人工。'],
    handoff: ['为您转接人工客服。', '请稍候，正在为您转接客服人员。'],
    thanks: ['谢谢！', '太好了，非常感谢。', '好的'],
    ping: ['你好？有人吗？', '？？'],
    agentHello: ['您好，我是客服{agent}，马上为您查看。', '感谢您耐心等待，我是{agent}。'],
    agentFix: ['已经处理好了，确认邮件稍后发出。', '已经帮您修正了，还有其他需要帮忙的吗？'],
    toAgent: ['非常感谢！', '好的，谢谢你的帮助。'],
    mailHello: ['您好：', '客服您好：'],
    mailBye: ['谢谢\n{name}', '此致\n{name}'],
  },
};

/**
 * Fills {order}, {days}, {tracking}, {code}, {agent} and {name} in a template.
 * @param {string} template
 * @param {Record<string, string>} vars
 */
function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
}

// ---------------------------------------------------------------------------------------------
// Conversations

/**
 * @typedef {object} GenerateOptions
 * @property {number} conversations
 * @property {number} seed
 * @property {boolean} [text] text on every message (otherwise ~88 % of messages carry text)
 * @property {string | number | Date} [start] first day (default 2025-01-06T00:00:00Z)
 * @property {'canonical' | 'realistic'} [profile] 'canonical' (default): ISO UTC timestamps in whole
 *   seconds and every field on every row; 'realistic': rows as platforms export them (see asExported)
 */

/**
 * @typedef {Record<string, string | number | boolean>} Row
 */

/**
 * @typedef {object} Customer
 * @property {string} id
 * @property {string} market
 * @property {string} language
 * @property {number} tz UTC offset in hours
 * @property {string} channel preferred channel
 * @property {string} name
 */

/**
 * A customer's stable attributes, derived from (seed, index) alone so nothing has to be remembered.
 * @param {number} seed
 * @param {number} index
 * @param {boolean} [realistic] the realistic profile, with its added markets
 * @returns {Customer}
 */
function customerProfile(seed, index, realistic = false) {
  const r = makeRng(mix(mix(seed, 0xc0ffee), index));
  const market = r.weighted(MARKETS);
  const info = /** @type {{lang: string, tz: readonly number[]}} */ (MARKET_INFO[market]);
  const language = info.lang !== 'en' && r.chance(0.08) ? 'en' : info.lang;
  /** @type {Customer} */
  const customer = {
    id: `cust-${pad(index + 1, 6)}`,
    market,
    language,
    tz: r.pick(info.tz),
    channel: r.weighted(CHANNELS),
    name: r.pick(SIGNATURES),
  };
  if (!realistic) return customer;
  // Moved customers keep their channel and name, so their conversations keep their shape and every
  // later conversation stays as it is; only the market, language and time zone change.
  const moved = makeRng(mix(mix(seed, 0xadd3d), index));
  if (!moved.chance(ADDED_MARKET_P)) return customer;
  const added = moved.weighted(ADDED_MARKETS);
  const addedInfo = /** @type {{lang: string, tz: readonly number[]}} */ (MARKET_INFO[added]);
  return { ...customer, market: added, language: moved.chance(0.08) ? 'en' : addedInfo.lang, tz: moved.pick(addedInfo.tz) };
}

/** @param {string | number | Date | undefined} start */
function startMs(start) {
  const ms = start === undefined ? Date.parse(DEFAULT_START) : start instanceof Date ? start.getTime() : typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid start: ${String(start)}`);
  return ms;
}

/** Local hour of day at which customers write, weighted towards daytime and evening. */
/** @type {readonly (readonly [number, number])[]} */
const LOCAL_HOURS = Array.from({ length: 24 }, (_, h) => /** @type {const} */ ([h, h < 7 ? 1 : h < 9 ? 4 : h < 13 ? 9 : h < 18 ? 8 : h < 23 ? 10 : 4]));

/**
 * @typedef {object} ConversationMeta
 * @property {string} id
 * @property {string | undefined} customerId
 * @property {string} market
 * @property {string} primaryIntent
 * @property {number} start epoch ms of the first message
 * @property {number} end epoch ms of the last message
 * @property {boolean} escalated
 * @property {boolean | undefined} resolved
 * @property {Row[]} rows in time order
 */

/**
 * Yields whole conversations, in generation order (start days ascending).
 * @param {GenerateOptions} options
 * @returns {Generator<ConversationMeta, void, undefined>}
 */
function* generateConversations(options) {
  const n = Math.floor(options.conversations);
  if (!(n >= 0)) throw new RangeError('conversations must be a non-negative integer');
  const seed = options.seed >>> 0;
  const origin = startMs(options.start);
  const realistic = profileOf(options) === 'realistic';
  // The realistic profile's export forms come from a stream of their own: the conversations are the
  // canonical ones (only customers of the added markets live in other time zones and languages).
  const exportRng = makeRng(mix(seed, 0xe7a0));
  const allText = options.text === true;
  const rng = makeRng(seed);
  // A separate stream decides which messages lose their text, so --text changes nothing else.
  const textRng = makeRng(mix(seed, 0x7e47));
  // And one for escalations no agent ever answers, so they change nothing else.
  const unansweredRng = makeRng(mix(seed, 0x5ec7));
  // Review labels, guardrail hits and repeated replies come from their own stream too: they change
  // bot rows' review fields and texts only, never the conversations' shape.
  const reviewRng = makeRng(mix(seed, 0x9e71));

  // Customers seen recently, for follow-up contacts within a few days (first-contact resolution).
  const recentSize = Math.max(20, Math.round((n / SPAN_DAYS) * 3));
  /** @type {number[]} */
  const recent = [];
  let recentPos = 0;
  let nextCustomer = 0;

  for (let i = 0; i < n; i++) {
    const r = rng.next();
    let customerIndex;
    if (r < 0.14 && recent.length > 0) customerIndex = rng.pick(recent);
    else if (r < 0.24 && nextCustomer > 0) customerIndex = rng.int(0, nextCustomer - 1);
    else customerIndex = nextCustomer++;
    if (recent.length < recentSize) recent.push(customerIndex);
    else {
      recent[recentPos] = customerIndex;
      recentPos = (recentPos + 1) % recentSize;
    }
    const customer = customerProfile(seed, customerIndex, realistic);

    const day = Math.floor((i * SPAN_DAYS) / Math.max(1, n));
    const localHour = rng.weighted(LOCAL_HOURS);
    let t0 = origin + day * DAY + localHour * HOUR + rng.int(0, 3599) * SEC - customer.tz * HOUR;
    if (t0 < origin) t0 += DAY; // nothing before the first day

    const conv = buildConversation(rng, textRng, allText, `conv-${pad(i + 1, 6)}`, customer, t0);
    const reviewed = review(reviewRng, unansweredRng.next() < UNANSWERED_P ? unanswered(conv) : conv);
    yield realistic ? asExported(exportRng, reviewed) : reviewed;
  }
}

/** @param {GenerateOptions} options @returns {'canonical' | 'realistic'} */
function profileOf(options) {
  const p = options.profile ?? 'canonical';
  if (p !== 'canonical' && p !== 'realistic') throw new RangeError(`profile must be canonical or realistic, got ${String(p)}`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// The realistic profile: rows as platforms export them

/**
 * Timestamp forms of the realistic profile, drawn per conversation (a conversation comes from one
 * system, which writes one form), with weights in %. Which platforms write each form is listed in
 * bench/README.md ("The realistic profile").
 * @type {readonly (readonly [string, number])[]}
 */
const TIMESTAMP_FORMS = [
  ['iso-ms', 30], // 2025-01-06T10:00:00.123Z
  ['iso', 10], // 2025-01-06T10:00:00Z
  ['iso+08:00', 10], // 2025-01-06T18:00:00.123+08:00: a server running on Singapore time
  ['iso-05:00', 10], // 2025-01-06T05:00:00.123-05:00: a server on US Eastern standard time
  ['epoch-ms', 15], // 1736157600123 (a digit string in CSV)
  ['epoch-s', 15], // 1736157600
  ['epoch-s-frac', 10], // 1736157600.123
];

/**
 * How often the realistic profile keeps an optional field, per conversation (a conversation's rows
 * come from one source, which exports the field or not). Reasons in bench/README.md.
 */
const KEEP = Object.freeze({
  /** intent_confidence: NLU engines export one; helpdesk tags and labels carry none. */
  intentConfidence: 0.4,
  /** expected_intent: no platform exports it; it comes from a reviewed sample. */
  expectedIntent: 0.1,
  /** sentiment: few platforms export a score. */
  sentiment: 0.1,
  /** cost and the review fields: only LLM tracing tools log them, and not for every bot. */
  traced: 0.25,
  /** csat events: fewer customers answer the survey than the canonical third. */
  csat: 0.4,
});

const REVIEW_FIELDS = Object.freeze(['answer_correct', 'hallucination', 'guardrail', 'judge_correct']);

/**
 * ISO 8601 with milliseconds at a fixed UTC offset. @param {number} ms @param {number} offsetMin
 */
function isoAt(ms, offsetMin) {
  const local = new Date(ms + offsetMin * MIN).toISOString().slice(0, 23);
  const a = Math.abs(offsetMin);
  return `${local}${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

/**
 * One instant in one of the TIMESTAMP_FORMS. @param {number} ms @param {string} form
 * @returns {string | number}
 */
function stamp(ms, form) {
  switch (form) {
    case 'iso-ms':
      return new Date(ms).toISOString();
    case 'iso':
      return iso(ms);
    case 'iso+08:00':
      return isoAt(ms, 8 * 60);
    case 'iso-05:00':
      return isoAt(ms, -5 * 60);
    case 'epoch-ms':
      return ms;
    case 'epoch-s':
      return Math.floor(ms / SEC);
    default:
      return ms / SEC;
  }
}

/**
 * A conversation as a platform exports it: every row's instant gains a sub-second part (1–999 ms,
 * never moving a row before the previous one) and is written in the conversation's timestamp form
 * (whole-second forms drop it); optional fields are kept or dropped per conversation (KEEP), and
 * csat events are dropped from the conversations whose customer did not answer the survey.
 * @param {Rng} r
 * @param {ConversationMeta} conv
 * @returns {ConversationMeta}
 */
function asExported(r, conv) {
  const form = r.weighted(TIMESTAMP_FORMS);
  const confidence = r.chance(KEEP.intentConfidence);
  const gold = r.chance(KEEP.expectedIntent);
  const sentiment = r.chance(KEEP.sentiment);
  const traced = r.chance(KEEP.traced);
  const csat = r.chance(KEEP.csat);
  /** @type {Row[]} */
  const rows = [];
  let prevSecond = -Infinity;
  let prevSub = 0;
  for (const row of conv.rows) {
    if (row.event === 'csat' && !csat) continue;
    const second = Date.parse(String(row.timestamp));
    let sub = r.int(1, 999);
    if (second === prevSecond && sub < prevSub) sub = prevSub;
    prevSecond = second;
    prevSub = sub;
    /** @type {Row} */
    const f = { ...row, timestamp: stamp(second + sub, form) };
    if (!confidence) delete f.intent_confidence;
    if (!gold) delete f.expected_intent;
    if (!sentiment) delete f.sentiment;
    if (!traced) {
      delete f.cost;
      for (const k of REVIEW_FIELDS) delete f[k];
    }
    rows.push(f);
  }
  return { ...conv, rows };
}

/** Share of conversations with an explicit handoff in which no agent ever comes (failed escalations). */
const UNANSWERED_P = 0.15;

/**
 * The same conversation with its agent messages removed when it has an explicit handoff: the bot
 * handed over and nobody came. Its end and resolution follow from the rows that remain.
 * @param {ConversationMeta} conv
 * @returns {ConversationMeta}
 */
function unanswered(conv) {
  if (!conv.rows.some((r) => r.event === 'handoff' || r.handoff === true)) return conv;
  const rows = conv.rows.filter((r) => r.role !== 'agent');
  const messages = rows.filter((r) => r.role !== undefined);
  const flagged = rows.filter((r) => r.resolved !== undefined || r.event === 'resolved');
  const last = flagged[flagged.length - 1];
  const resolved = last === undefined ? undefined : last.resolved === undefined ? true : last.resolved === true;
  const end = Date.parse(String(messages[messages.length - 1]?.timestamp));
  return { ...conv, rows, end, resolved };
}

/**
 * @param {Rng} rng
 * @param {Rng} textRng
 * @param {boolean} allText
 * @param {string} id
 * @param {Customer} customer
 * @param {number} t0
 * @returns {ConversationMeta}
 */
function buildConversation(rng, textRng, allText, id, customer, t0) {
  const channel = rng.chance(0.8) ? customer.channel : rng.weighted(CHANNELS);
  const anonymous = channel === 'web' && rng.chance(0.1);
  const customerId = anonymous ? undefined : customer.id;
  const lang = customer.language;
  const book = /** @type {Phrasebook} */ (PHRASES[lang]);
  const isMail = channel === 'email';
  const agent = rng.pick(AGENTS);
  const vars = {
    order: String(rng.int(10000, 99999)),
    days: String(rng.int(2, 6)),
    tracking: `TRK${rng.int(100000000, 999999999)}`,
    code: rng.pick(CODES),
    agent,
    name: customer.name,
  };
  /** @param {readonly string[]} list */
  const say = (list) => fill(rng.pick(list), vars);

  /** @type {Row[]} */
  const rows = [];
  let t = t0;
  let msgNo = 0;
  let mood = SENTIMENT_BASE.fallback ?? 0;

  /**
   * @param {string} role
   * @param {string} text
   * @param {Record<string, string | number | boolean | undefined>} [extra]
   */
  const message = (role, text, extra = {}) => {
    msgNo += 1;
    const keepText = allText || role === 'system' || textRng.next() >= 0.12;
    /** @type {Record<string, string | number | boolean | undefined>} */
    const f = {
      conversation_id: id,
      timestamp: iso(t),
      role,
      message_id: `m${msgNo}`,
      text: keepText ? text : undefined,
      customer_id: customerId,
      channel,
      market: customer.market,
      language: role === 'customer' || role === 'bot' ? lang : undefined,
      ...extra,
    };
    rows.push(ordered(f));
  };
  /**
   * @param {string} event
   * @param {Record<string, string | number | boolean | undefined>} [extra]
   */
  const event = (event, extra = {}) => {
    rows.push(ordered({ conversation_id: id, timestamp: iso(t), event, ...extra }));
  };

  /**
   * A customer message with NLU fields.
   * @param {string} text
   * @param {string | undefined} intent
   * @param {string} [gold] the intent a reviewer would assign
   */
  const customerSays = (text, intent, gold) => {
    /** @type {Record<string, string | number | boolean | undefined>} */
    const extra = {};
    if (intent !== undefined) {
      extra.intent = intent;
      extra.intent_confidence =
        intent === 'fallback' ? round(rng.range(0.05, 0.45), 2) : gold !== undefined && gold !== intent ? round(rng.range(0.35, 0.75), 2) : round(rng.range(0.6, 0.99), 2);
      if (rng.chance(0.2)) extra.expected_intent = gold ?? intent;
    }
    if (rng.chance(0.4)) extra.sentiment = round(clamp(mood + rng.range(-0.3, 0.3), -1, 1), 2);
    const body = isMail && intent !== undefined ? `${rng.pick(book.mailHello)}\n${text}\n${fill(rng.pick(book.mailBye), vars)}` : text;
    message('customer', body, extra);
  };
  /**
   * @param {string} text
   * @param {Record<string, string | number | boolean | undefined>} [extra]
   */
  const botSays = (text, extra = {}) => {
    message('bot', text, { cost: round(rng.range(0.002, 0.02), 4), ...extra });
  };
  const botDelay = () => rng.int(1, 6) * SEC;
  const agentDelay = () => (isMail ? rng.int(20, 300) : rng.int(1, 15)) * MIN + rng.int(0, 59) * SEC;
  const customerDelay = () => (isMail ? rng.int(10, 240) * MIN : rng.int(8, 180) * SEC);

  // What the customer wants; 'fallback' means the bot's NLU will not understand the first message.
  const primary = rng.weighted(INTENT_WEIGHTS);
  const real = primary === 'fallback' ? rng.pick(INTENTS) : primary;
  const phr = /** @type {{c: readonly string[], b: readonly string[]}} */ (book.intents[real]);
  mood = SENTIMENT_BASE[primary] ?? 0;

  if (channel === 'web' && rng.chance(0.15)) {
    message('system', 'Visitor started a chat');
    t += rng.int(2, 40) * SEC;
  }
  if (!isMail && rng.chance(0.3)) {
    // The bot opens the chat; nothing is pending yet, so this is not a reply.
    botSays(say(book.greet), { fallback: false });
    t += rng.int(5, 90) * SEC;
  }

  // Misclassified now and then: the NLU picks a plausible neighbour, the reviewer knows better.
  const predicted = primary !== 'fallback' && rng.chance(0.08) ? rng.pick(INTENTS) : primary;
  customerSays(primary === 'fallback' ? say(book.fallbackAsk) : say(phr.c), predicted, real);

  const botless = isMail ? rng.chance(0.35) : rng.chance(0.03);
  let escalated = false;
  let abandoned = false;

  if (botless) {
    // Only humans: escalated by the agent message alone (no explicit handoff signal).
    escalated = true;
    t += agentDelay();
    message('agent', say(book.agentHello));
  } else {
    t += botDelay();
    let fallbackPath = false;
    if (primary === 'fallback' ? rng.chance(0.85) : rng.chance(0.04)) {
      botSays(say(book.fallbackReply), { fallback: true });
      fallbackPath = true;
      t += customerDelay();
      if (rng.chance(0.6)) {
        mood -= 0.15;
        customerSays(say(phr.c), real);
        t += botDelay();
        botSays(say(phr.b), { fallback: false });
      } else {
        mood -= 0.35;
        customerSays(say(book.askHuman), 'fallback', 'fallback');
      }
    } else {
      botSays(say(phr.b), { fallback: false });
    }

    if (!fallbackPath && rng.chance(0.6)) {
      t += customerDelay();
      if (rng.chance(0.5)) {
        customerSays(say(book.followUp), real);
        t += botDelay();
        botSays(say(book.followUpReply), { fallback: false });
      } else {
        mood += 0.5;
        customerSays(say(book.thanks), undefined);
        if (rng.chance(0.6)) {
          t += botDelay();
          botSays(say(book.welcome), { fallback: false });
        }
      }
    }

    const pEscalate = fallbackPath ? 0.55 : (ESCALATION_P[real] ?? 0.1);
    if (rng.chance(pEscalate)) {
      escalated = true;
      const how = rng.weighted(
        /** @type {const} */ ([
          ['flag', 45],
          ['event', 40],
          ['agent-only', 15],
        ]),
      );
      if (how !== 'agent-only') {
        t += customerDelay();
        customerSays(say(book.askHuman), 'fallback', rng.chance(0.5) ? real : 'fallback');
        t += botDelay();
        if (how === 'flag') botSays(say(book.handoff), { handoff: true });
        else {
          botSays(say(book.handoff));
          t += SEC;
          event('handoff');
        }
        t += rng.int(2, 60) * SEC;
        message('system', 'Conversation assigned to agent');
      }
      t += agentDelay();
      message('agent', say(book.agentHello));
    } else if (rng.chance(0.08)) {
      // Gives up waiting for a better answer: the last message is the customer's.
      abandoned = true;
      t += customerDelay();
      mood -= 0.3;
      customerSays(say(book.ping), undefined);
    }
  }

  if (escalated && rng.chance(0.7)) {
    t += customerDelay();
    message('customer', say(book.followUp));
    t += agentDelay() / 3;
    message('agent', say(book.agentFix));
    if (rng.chance(0.4)) {
      t += customerDelay();
      mood += 0.4;
      customerSays(say(book.toAgent), undefined);
    }
  }
  const end = t;

  // Outcome: resolved is true, false or unknown, signalled by an event or a flag on the last reply.
  const resolvedP = abandoned ? 0.1 : escalated ? 0.75 : 0.72;
  /** @type {boolean | undefined} */
  let resolved = rng.chance(resolvedP);
  const signal = rng.weighted(
    /** @type {const} */ ([
      ['event', 35],
      ['event-value', 25],
      ['flag', 15],
      ['none', 25],
    ]),
  );
  if (signal === 'none') resolved = undefined;
  else if (signal === 'flag') {
    let k = rows.length - 1;
    while (k >= 0 && rows[k]?.role !== 'bot' && rows[k]?.role !== 'agent') k--;
    const last = rows[k];
    if (last !== undefined) rows[k] = ordered({ ...last, resolved });
    else resolved = undefined;
  } else {
    t += rng.int(5, 120) * SEC;
    if (signal === 'event' && resolved) event('resolved');
    else event('resolved', { resolved });
  }

  if (rng.chance(abandoned ? 0.05 : 0.35)) {
    t += rng.int(30, 600) * SEC;
    /** @type {string | number} */
    let csat;
    if (rng.chance(0.15)) csat = rng.chance(resolved === false ? 0.3 : 0.8) ? 'up' : 'down';
    else
      csat = rng.weighted(
        resolved === false
          ? /** @type {const} */ ([
              [1, 30],
              [2, 25],
              [3, 20],
              [4, 15],
              [5, 10],
            ])
          : /** @type {const} */ ([
              [1, 5],
              [2, 5],
              [3, 15],
              [4, 35],
              [5, 40],
            ]),
      );
    event('csat', { csat });
  }
  if (rng.chance(0.3)) {
    t += rng.int(1, 30) * MIN;
    event('close');
  }

  return { id, customerId, market: customer.market, primaryIntent: primary, start: t0, end, escalated, resolved, rows };
}

/**
 * Answer quality on a conversation's bot rows: about 35 % of real (non-fallback) answers are
 * reviewed (`answer_correct`, ~82 % correct; `hallucination` on each reviewed one, true for about
 * 40 % of the wrong ones), 60 % of those also by a judge (`judge_correct`, agreeing ~88 %); a
 * guardrail fires on ~3 % of bot messages (`guardrail` true; false on some others); in ~6 % of
 * conversations with two or more bot texts the bot repeats its previous reply word for word; in
 * ~5 % the customer writes in capitals (chat messages, not e-mails).
 * @param {Rng} r
 * @param {ConversationMeta} meta
 * @returns {ConversationMeta}
 */
function review(r, meta) {
  const rows = meta.rows;
  const repeat = r.chance(0.06);
  const shout = r.chance(0.05);
  /** @type {string | undefined} */
  let previousText;
  for (let k = 0; k < rows.length; k++) {
    const row = /** @type {Row} */ (rows[k]);
    if (shout && row.role === 'customer' && typeof row.text === 'string' && !row.text.includes('\n')) {
      rows[k] = { ...row, text: row.text.toUpperCase() };
      continue;
    }
    if (row.role !== 'bot') continue;
    /** @type {Record<string, string | number | boolean | undefined>} */
    const f = { ...row };
    if (row.fallback !== true && row.handoff !== true && r.chance(0.35)) {
      const correct = r.chance(0.82);
      f.answer_correct = correct;
      f.hallucination = !correct && r.chance(0.4);
      if (r.chance(0.6)) f.judge_correct = r.chance(0.88) ? correct : !correct;
    }
    if (r.chance(0.03)) f.guardrail = true;
    else if (r.chance(0.1)) f.guardrail = false;
    if (repeat && previousText !== undefined && typeof row.text === 'string') {
      f.text = previousText;
      previousText = undefined;
    } else if (typeof row.text === 'string') previousText = row.text;
    rows[k] = ordered(f);
  }
  return meta;
}

/**
 * Copies the defined fields of `f` into a new object whose keys follow `fields` order.
 * @param {Record<string, string | number | boolean | undefined>} f
 * @param {readonly string[]} [fields]
 * @returns {Row}
 */
function ordered(f, fields = FIELDS) {
  /** @type {Row} */
  const out = {};
  for (const k of fields) {
    const v = f[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Yields transcript rows (canonical field names of §1; absent fields omitted; booleans as
 * booleans, numbers as numbers, csat as a number or 'up'/'down'). Message rows carry no `event`
 * (it defaults to message). Rows of one conversation are in time order; now and then the tail
 * events of a conversation come after the next conversation's rows, as in real exports. Timestamps
 * are ISO strings, or with profile 'realistic' ISO strings and epoch numbers.
 * @param {GenerateOptions} options
 * @returns {Generator<Row, void, undefined>}
 */
export function* generateRows(options) {
  const shuffle = makeRng(mix(options.seed >>> 0, 0x5417));
  /** @type {Row[]} */
  let held = [];
  for (const conv of generateConversations(options)) {
    const rows = conv.rows;
    let cut = rows.length;
    if (shuffle.chance(0.08)) {
      // Hold back trailing non-message events (resolved/csat/close) until after the next conversation.
      while (cut > 1 && (rows[cut - 1]?.event ?? 'message') !== 'message' && rows.length - cut < 2) cut--;
    }
    for (let k = 0; k < cut; k++) yield /** @type {Row} */ (rows[k]);
    for (const row of held) yield row;
    held = rows.slice(cut);
  }
  for (const row of held) yield row;
}

/**
 * Yields orders for a subset of the customers of the conversations `generateRows(options)` makes:
 * mostly some hours after a conversation (about two thirds within 72 h, the rest up to two weeks
 * later), some before an order-status conversation. `value` is 10–300 US dollars' worth expressed in
 * the market's currency (USD, GBP, EUR, MXN, JPY, BRL; SGD too with profile 'realistic'); a few
 * orders lack an order_id and a few rows are exported twice (same order_id). Order timestamps are
 * ISO UTC in whole seconds in both profiles.
 * @param {GenerateOptions} options
 * @returns {Generator<Row, void, undefined>}
 */
export function* generateOrders(options) {
  const rng = makeRng(mix(options.seed >>> 0, 0x0de5));
  let orderNo = 0;
  for (const conv of generateConversations({ ...options, text: true })) {
    if (conv.customerId === undefined) continue;
    const info = /** @type {{currency: string, fx: number}} */ (MARKET_INFO[conv.market]);
    /** @type {number[]} */
    const times = [];
    if (conv.primaryIntent === 'order_status' && rng.chance(0.3)) times.push(conv.start - rng.range(1, 10) * DAY);
    let p = 0.16;
    if (conv.resolved === true) p += 0.1;
    if (conv.primaryIntent === 'product_question' || conv.primaryIntent === 'discount_code' || conv.primaryIntent === 'shipping_cost') p += 0.12;
    if (rng.chance(p)) times.push(rng.chance(0.65) ? conv.start + rng.range(0.2, 71.5) * HOUR : conv.start + rng.range(73, 14 * 24) * HOUR);
    for (const time of times) {
      orderNo += 1;
      const usd = rng.range(10, 300);
      const value = info.currency === 'JPY' ? Math.round(usd * info.fx) : round(usd * info.fx, 2);
      const order = ordered({
        order_id: rng.chance(0.05) ? undefined : `ord-${pad(orderNo, 6)}`,
        customer_id: conv.customerId,
        timestamp: iso(time),
        value,
        currency: info.currency,
      }, ORDER_FIELDS);
      yield order;
      if (order.order_id !== undefined && rng.chance(0.05)) yield { ...order };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writers

/**
 * One CSV cell, RFC 4180: quoted (quotes doubled) when it contains a comma, quote, CR or LF.
 * Absent values are empty cells; booleans are true/false.
 * @param {unknown} value
 * @returns {string}
 */
export function csvCell(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @param {Record<string, unknown>} row
 * @param {readonly string[]} fields
 */
export function csvLine(row, fields) {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(row[/** @type {string} */ (fields[i])]);
  }
  return `${line}\n`;
}

/**
 * Writes `lines` to `path` ('-' = stdout) in ~1 MB chunks, waiting for 'drain' when the stream
 * asks for it. Resolves with the number of lines written.
 * @param {Iterable<string>} lines
 * @param {string} path
 */
async function writeLines(lines, path) {
  const toStdout = path === '-';
  if (!toStdout) mkdirSync(dirname(path), { recursive: true });
  const out = toStdout ? process.stdout : createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    count += 1;
    if (chunk.length >= 1_048_576) {
      const ok = out.write(chunk);
      chunk = '';
      if (!ok) await once(out, 'drain');
    }
  }
  if (chunk.length > 0 && !out.write(chunk)) await once(out, 'drain');
  if (!toStdout) {
    out.end();
    await once(out, 'finish');
  }
  return count;
}

/**
 * Writes rows as JSON Lines (one object per line, '\n' endings). Resolves with the row count.
 * @param {Iterable<Record<string, unknown>>} rows
 * @param {string} path file path, or '-' for stdout
 */
export function writeJsonl(rows, path) {
  return writeLines(
    (function* () {
      for (const row of rows) yield `${JSON.stringify(row)}\n`;
    })(),
    path,
  );
}

/**
 * Writes rows as CSV with a fixed header (default: all transcript FIELDS), RFC 4180 quoting and
 * '\n' record endings. Resolves with the number of data rows (the header is not counted).
 * @param {Iterable<Record<string, unknown>>} rows
 * @param {string} path file path, or '-' for stdout
 * @param {readonly string[]} [fields]
 */
export async function writeCsv(rows, path, fields = FIELDS) {
  const lines = await writeLines(
    (function* () {
      yield csvLine(Object.fromEntries(fields.map((f) => [f, f])), fields);
      for (const row of rows) yield csvLine(row, fields);
    })(),
    path,
  );
  return lines - 1;
}

// ---------------------------------------------------------------------------------------------
// CLI

/** @param {string[]} argv */
export async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      conversations: { type: 'string', default: '400' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: '-' },
      format: { type: 'string' },
      text: { type: 'boolean', default: false },
      orders: { type: 'string' },
      start: { type: 'string', default: DEFAULT_START },
      profile: { type: 'string', default: 'canonical' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: node scripts/generate.js [--conversations N] [--seed S] [--out FILE|-] [--format jsonl|csv] [--text] [--orders FILE] [--start ISO] [--profile canonical|realistic]\n',
    );
    return 0;
  }
  const conversations = Number(values.conversations);
  const seed = Number(values.seed);
  if (!Number.isInteger(conversations) || conversations < 0) throw new Error(`--conversations must be a non-negative integer, got ${values.conversations}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const out = values.out;
  const format = values.format ?? (/\.csv$/i.test(out) ? 'csv' : 'jsonl');
  if (format !== 'jsonl' && format !== 'csv') throw new Error(`--format must be jsonl or csv, got ${format}`);
  const profile = values.profile;
  if (profile !== 'canonical' && profile !== 'realistic') throw new Error(`--profile must be canonical or realistic, got ${profile}`);
  const options = { conversations, seed, text: values.text, start: values.start, profile };
  startMs(options.start);

  const rows = format === 'csv' ? await writeCsv(generateRows(options), out) : await writeJsonl(generateRows(options), out);
  if (out !== '-') process.stderr.write(`wrote ${rows} rows (${conversations} conversations, seed ${seed}) to ${out}\n`);
  if (values.orders !== undefined) {
    const ordersPath = values.orders;
    const n = /\.jsonl$|\.ndjson$/i.test(ordersPath) ? await writeJsonl(generateOrders(options), ordersPath) : await writeCsv(generateOrders(options), ordersPath, ORDER_FIELDS);
    process.stderr.write(`wrote ${n} orders to ${ordersPath}\n`);
  }
  return 0;
}

const invokedPath = process.argv[1];
let isMain = false;
try {
  isMain = invokedPath !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedPath)).href;
} catch {
  isMain = false;
}
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
