/**
 * Negation words of every language the detector reads (a message may mix
 * them): the negations themselves, the words that may stand between a
 * negation and what it negates, and the "why" that turns «ما اموت» into a
 * question («ليش ما اموت»).
 */
import { parseSlot, type NegationWords } from "./match";

/** Negations of every language (a message may mix them). */
export const NEGATION: NegationWords = {
  negators: parseSlot(
    [
      // Arabic (Gulf and MSA).
      "=ما|=مو|=مب|=مش|=مهب|=مهوب|=لا|=لم|=لن|=ليس|=لست|=لسنا|=ماني|=مانيب|=مافي|=مافيه|=مالي|=ماله|=مالها|=مالهم|=ماعاد|=ماعندي|=محد|=ماحد|=ابد|=ابدا|=مستحيل|=بلاش|=مارح|=ماراح",
      // English.
      "=not|=dont|=doesnt|=didnt|=wont|=never|=no|=isnt|=arent|=wasnt|=aint|=wouldnt|=shouldnt|=havent|=hasnt|=dnt|=nt|=nothing|=nobody|=cannot",
      // Urdu and Roman Urdu.
      "=نہیں|=نہ|=مت|=نا|=nahi|=nahin|=nai|=nhi|=nahe|=nahee|=nehi|=na|=mat",
    ].join("|"),
  ),
  fillers: parseSlot(
    [
      "=عاد|=ابد|=ابدا|=والله|=بعمري|=ابي|=ابغي|=ابغا|=ودي|=اريد|=اود|=ارغب|=انا|=اني|=راح|=رح|=ح|=قاعد|=قاعده|=افكر|=فكرت|=بفكر|=ناوي|=نويت|=اقدر|=يقدر|=تقدر|=قادر|=قادره|=نقدر|=يقدرون|=احس|=حاس|=حاسه|=اشعر|=عندي|=لي|=في|=فيه|=بعد|=اصلا|=ان|=الحين|=حتى|=كنت|=اتمنى|=بدي|=عايز|=هو|=هي|=صار|=صارت|=عدت|=يبي|=تبي|=يبيني|=يخلي|=بحياتي|=ولا|=شي|=شيء|=استطيع|=يستطيع|=تستطيع|=نستطيع|=اشعر|=اعد|=يعد|=اشوف|=شايف|=شايفه|=ارى",
      "=i|=im|=am|=really|=even|=ever|=actually|=want|=wanna|=to|=going|=gonna|=plan|=planning|=intend|=trying|=try|=thinking|=think|=of|=about|=will|=would|=just|=do|=does|=did|=be|=feel|=like|=anymore|=honestly|=have|=any|=intention|=plans|=is|=are|=was|=he|=she|=hes|=shes|=it|=at|=all|=can|=could|=able|=seem|=seems|=ill|=id|=you|=worry|=worried|=relax|=a|=an",
      "=میں|=تو|=بھی|=اب|=ہرگز|=بالکل|=کبھی|=ہوں|=ہے|=main|=mai|=me|=to|=bhi|=ab|=bilkul|=kabhi|=hun|=hoon|=hai|=toh",
    ].join("|"),
  ),
  why: parseSlot("=ليش|=ليه|=لماذا|=لمه|=why|=kyun|=kyu|=kiyun|=kion|=کیوں|=کیو"),
};

