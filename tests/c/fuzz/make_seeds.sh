#!/usr/bin/env bash
# Writes the libFuzzer seed inputs of the four harnesses (see fuzz_*.c for the byte
# layout) into OUT/names, OUT/retry_after, OUT/decide and OUT/body: the boundary
# inputs the issues' reproducers found, so that every run starts there. `now` is
# INT64_MIN, INT64_MAX, 0 and a day of 2026; values are huge digit strings, the three
# date forms (RFC 850 near the ends of int64_t), invalid UTF-8 and a 1000-byte name;
# bodies are the DCS and gateway error bodies, nested, escaped, cut short and not
# JSON, with request-id and Retry-After headers.
#
# Usage: bash tests/c/fuzz/make_seeds.sh OUT
set -euo pipefail
out="$1"
mkdir -p "$out/names" "$out/retry_after" "$out/decide" "$out/body"

# le64 N: the 8 bytes of int64_t N, little-endian, as printf escapes.
le64() {
    local n="$1" i s=""
    for ((i = 0; i < 8; i++)); do
        s+="$(printf '\\x%02x' $(((n >> (8 * i)) & 255)))"
    done
    printf '%s' "$s"
}
# seed DIR NAME BYTES...: writes the concatenated printf-escaped BYTES to DIR/NAME.
seed() {
    local dir="$1" name="$2"
    shift 2
    printf "$(printf '%s' "$@")" >"$out/$dir/$name"
}

min=$((-9223372036854775807 - 1))
max=9223372036854775807
nows=("$min" "$max" 0 1795521600)
long_name="$(printf 'a%.0s' $(seq 1000))"
digits="$(printf '9%.0s' $(seq 40))"

seed names plain '\x10' 'not found'
seed names camel '\x01' 'NotFound'
seed names older '\x07' 'Gateway Time-out'
seed names parens '\x08' '(Unused)'
seed names long '\x20' "$long_name"
seed names invalid_utf8 '\x05' '\xff\xfenot found'
seed names combining '\x03' '\xcc\x81x'
seed names control '\x02' 'not\x00found\n'
seed names method '\x00' 'GET'

values=(
    '120' "$digits" '-1' ' 120\t'
    'Friday, 31-Dec-96 00:00:00 GMT' 'Sunday, 06-Nov-94 08:49:37 GMT'
    'Tue, 24 Nov 2026 12:01:00 GMT' 'Tue Nov 24 12:03:00 2026'
    'Thu, 31 Nov 1994 08:49:37 GMT' '12\xff' 'soon' ''
)
i=0
for now in "${nows[@]}"; do
    for value in "${values[@]}"; do
        seed retry_after "v$i" "$(le64 "$now")" '\x11' "$value"
        # decide: code 429, 503 and 500 (as 2 selector bytes), then flags (bit 0
        # idempotent, bit 1 header present), then the value; and a raw int64_t code.
        seed decide "a$i" "$(le64 "$now")" '\xad\x01' '\x02' "$value"
        seed decide "b$i" "$(le64 "$now")" '\xf7\x01' '\x03' "$value"
        seed decide "c$i" "$(le64 "$now")" '\xf4\x01' '\x01' "$value"
        seed decide "d$i" "$(le64 "$now")" '\xff\xff' "$(le64 "$now")" '\x03' "$value"
        i=$((i + 1))
    done
done
# body: now, code 400/429/500 (2 selector bytes), flags (bit 0 idempotent, bits 1-2
# the number of headers), per header a name selector and a value length and value,
# then the body (printf reads it: `\\` stands for one backslash of a JSON escape).
bodies=(
    '{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}'
    '{ "error_msg" : "Master standby swap is not supported.", "error_code" : "DCS. 4855", "error_ext_msg" : null }'
    '{"error_msg":"throttled","error_code":"APIGW.0308","request_id":"d4e8f2c1"}'
    '{"error":{"code":"E.1","message":"m","error_ext_msg":"e"},"request_id":"r"}'
    '{"error_code":"DCS.4062","error_msg":"Invalid \\"x\\" \\u00e9\\ud83d\\ude00 \\ud800"}'
    '{"errorCode":"111400017","errorMsg":"job"}' '{"error_code":"DCS.4111"' '<html>502</html>'
    '[[[[[[[[' '\xff\xfe{}' ''
)
i=0
for body in "${bodies[@]}"; do
    seed body "plain$i" "$(le64 1795521600)" '\x90\x01' '\x00' "$body"
    # 429 with Retry-After: 30 and X-Request-Id: " req "; idempotent.
    seed body "headers$i" "$(le64 1795521600)" '\xad\x01' '\x05' '\x02\x02' '30' '\x04\x05' ' req ' "$body"
    # 500 with x-openstack-request-id and a name in upper case; now at INT64_MAX.
    seed body "os$i" "$(le64 "$max")" '\xf4\x01' '\x03' '\x05\x02' 'os' "$body"
    i=$((i + 1))
done
echo "seeds: $(find "$out" -type f | wc -l) files in $out"
