"""Masking functions in SQL for the masked views, mirroring ``console.domain.masking``: ``mask_text`` is
generated from the same ``TEXT_RULES`` (identical results); ``mask_name`` and ``mask_phone`` follow the same
rules for names, mobiles, landlines and +86 forms (a parity test compares them on generated values) and
fall back to keeping only the last four digits where the Python version also keeps an extension."""

from __future__ import annotations

from console.db.hardening.names import literal
from console.domain.masking import COMPOUND_SURNAMES, TEXT_RULES


def _mask_text_body() -> str:
    expression = "value"
    for _name, pattern, template in TEXT_RULES:
        expression = f"regexp_replace({expression}, {literal(pattern)}, {literal(template)}, 'g')"
    return expression


def masking_functions() -> list[str]:
    surnames = "ARRAY[" + ", ".join(literal(s) for s in sorted(COMPOUND_SURNAMES)) + "]"
    return [
        f"""
        CREATE FUNCTION dc_private.mask_name(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE n text := btrim(value); keep int;
        BEGIN
            IF value IS NULL THEN RETURN NULL; END IF;
            IF char_length(n) <= 1 THEN RETURN n; END IF;
            keep := CASE WHEN char_length(n) > 2 AND left(n, 2) = ANY({surnames}) THEN 2 ELSE 1 END;
            RETURN left(n, keep) || regexp_replace(substr(n, keep + 1), '[^·•・. -]', '*', 'g');
        END $$""",
        r"""
        CREATE FUNCTION dc_private.mask_phone(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE raw text := translate(btrim(value), '０１２３４５６７８９－（）＋', '0123456789-()+');
                compact text; prefix text := ''; parts text[]; digits text;
        BEGIN
            IF value IS NULL THEN RETURN NULL; END IF;
            IF raw = '' THEN RETURN ''; END IF;
            IF raw ~ ('^(\+86 )?(1[3-9][0-9]\*{4}[0-9]{4}|(0(10|2[0-9])|0[3-9][0-9]{2})-\*{4}[0-9]{4}(转[0-9]{1,6})?'
                      '|\*+[0-9]{0,4}(转[0-9]{1,6})?)$') THEN
                RETURN raw;  -- already masked
            END IF;
            compact := regexp_replace(raw, '[\s\-()]', '', 'g');
            IF compact ~ '^\+86' THEN prefix := '+86 '; compact := substr(compact, 4);
            ELSIF compact ~ '^0086' THEN prefix := '+86 '; compact := substr(compact, 5);
            ELSIF compact ~ '^861[3-9][0-9]{9}$' THEN prefix := '+86 '; compact := substr(compact, 3);
            END IF;
            IF compact ~ '^1[3-9][0-9]{9}$' THEN
                RETURN prefix || left(compact, 3) || '****' || right(compact, 4);
            END IF;
            parts := regexp_match(compact, '^(0(?:10|2[0-9])|0[3-9][0-9]{2})([0-9]{7,8})$');
            IF parts IS NOT NULL THEN
                RETURN prefix || parts[1] || '-****' || right(parts[2], 4);
            END IF;
            digits := regexp_replace(compact, '[^0-9]', '', 'g');
            IF char_length(digits) <= 4 THEN RETURN prefix || repeat('*', char_length(compact)); END IF;
            RETURN prefix || repeat('*', char_length(compact) - 4) || right(digits, 4);
        END $$""",
        f"""
        CREATE FUNCTION dc_private.mask_text(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT {_mask_text_body()}
        $$""",
    ]
