/** Chinese characters: the CJK unified ideographs (with extension A) and the compatibility ideographs. */
export const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

export const isHanAt = (text: string, i: number) => isHanCode(text.charCodeAt(i));
