"""Masking functions in SQL, mirroring ``console.domain.masking`` rule for rule (a parity test compares
them on generated values). Created in ``dc_private``; immutable, so the planner may inline them."""

from __future__ import annotations

from console.db.hardening.names import literal
from console.domain.masking import COMPOUND_SURNAMES


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
            RETURN left(n, keep) || repeat('*', char_length(n) - keep);
        END $$""",
        r"""
        CREATE FUNCTION dc_private.mask_phone(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE raw text := btrim(value); compact text; prefix text := ''; parts text[]; digits int;
        BEGIN
            IF value IS NULL THEN RETURN NULL; END IF;
            IF raw = '' THEN RETURN ''; END IF;
            compact := regexp_replace(raw, '[\s\-()]', '', 'g');
            IF left(compact, 3) = '+86' THEN prefix := '+86 '; compact := substr(compact, 4);
            ELSIF left(compact, 4) = '0086' THEN prefix := '+86 '; compact := substr(compact, 5);
            END IF;
            IF compact ~ '^1[0-9]{10}$' THEN
                RETURN prefix || left(compact, 3) || '****' || right(compact, 4);
            END IF;
            parts := regexp_match(compact, '^(0[12][0-9]|0[3-9][0-9]{2})([0-9]{7,8})$');
            IF parts IS NOT NULL THEN
                RETURN prefix || parts[1] || '-****' || right(parts[2], 4);
            END IF;
            digits := char_length(regexp_replace(compact, '[^0-9]', '', 'g'));
            IF digits <= 4 THEN RETURN prefix || repeat('*', char_length(compact)); END IF;
            RETURN prefix || repeat('*', char_length(compact) - 4) || right(compact, 4);
        END $$""",
        r"""
        CREATE FUNCTION dc_private.mask_text(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT regexp_replace(
                     regexp_replace(
                       regexp_replace(value,
                         '(?<![0-9A-Za-z])([1-9][0-9]{5})[0-9]{8,11}([0-9Xx])(?![0-9A-Za-z])', '\1********\2', 'g'),
                       '(?<![0-9A-Za-z])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9A-Za-z])', '\1****\2', 'g'),
                     '(?<![0-9A-Za-z])(0[1-9][0-9]{1,2})-?[0-9]{3,4}([0-9]{4})(?![0-9A-Za-z])', '\1-****\2', 'g')
        $$""",
    ]
