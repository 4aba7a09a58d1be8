#!/usr/bin/env bash
# Writes the libFuzzer seed inputs of the five harnesses (see fuzz_*.c for the byte
# layout) into OUT/names, OUT/retry_after, OUT/decide, OUT/body and OUT/retry: the
# boundary inputs the issues' reproducers found, so that every run starts there. `now`
# is INT64_MIN, INT64_MAX, 0 and a day of 2026; values are huge digit strings, the
# three date forms (RFC 850 near the ends of int64_t), invalid UTF-8 and a 1000-byte
# name; bodies are the DCS and gateway error bodies, nested, escaped, cut short and
# not JSON, with request-id and Retry-After headers; retry steps are the overflow
# region of the delay formula (attempt UINT32_MAX, bases and caps of UINT64_MAX), the
# random draw's NaN, infinite, subnormal and near-1 bit patterns, jitter numbers that
# are none, and budgets empty, full and of zero cost.
#
# Usage: bash tests/c/fuzz/make_seeds.sh OUT
set -euo pipefail
out="$1"
mkdir -p "$out/names" "$out/retry_after" "$out/decide" "$out/body" "$out/retry"

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

# retry: policy (max_attempts, jitter as 4 bytes; 5 u64), input (attempt 4 bytes;
# status, now, the draw's bits, previous delay, time left as 8), flags (bit 0
# idempotent, 1 has_now, 2 has_random, 3 has_time_left, 4 Retry-After, 5 error code,
# 6 budget), budget (capacity, retry cost, throttle cost, tokens: 4 bytes each), the
# Retry-After's length (1 byte), then it and the error code.
le32() {
    local n="$1" i s=""
    for ((i = 0; i < 4; i++)); do
        s+="$(printf '\\x%02x' $(((n >> (8 * i)) & 255)))"
    done
    printf '%s' "$s"
}
u32max=4294967295
u64max=-1 # all bits set
default_policy="$(le32 3)$(le32 1)$(le64 50)$(le64 1000)$(le64 2000)$(le64 20000)$(le64 300)"
policies=("$default_policy")
for jitter in 1 2 3 4; do
    policies+=("$(le32 $u32max)$(le32 $jitter)$(le64 $u64max)$(le64 $u64max)$(le64 $u64max)$(le64 $u64max)$(le64 $u64max)")
    policies+=("$(le32 $u32max)$(le32 $jitter)$(le64 1)$(le64 $((1 << 62)))$(le64 0)$(le64 $max)$(le64 $((max / 1000 + 1)))")
done
for jitter in 0 5 $u32max; do
    policies+=("$(le32 3)$(le32 $jitter)$(le64 50)$(le64 1000)$(le64 2000)$(le64 20000)$(le64 300)")
done
# The draws: 0.5, NaN, -NaN, +inf, -inf, 1.0, the largest below 1, -0.0, the smallest
# subnormal.
draws=(0x3fe0000000000000 0x7ff8000000000000 -2251799813685248 0x7ff0000000000000
    -4503599627370496 0x3ff0000000000000 0x3fefffffffffffff "$min" 1)
budgets=("$(le32 500)$(le32 14)$(le32 5)$(le32 500)" "$(le32 500)$(le32 14)$(le32 5)$(le32 13)"
    "$(le32 0)$(le32 0)$(le32 0)$(le32 0)" "$(le32 $u32max)$(le32 $u32max)$(le32 1)$(le32 $u32max)")
i=0
for policy in "${policies[@]}"; do
    for attempt in 1 64 $u32max; do
        d="${draws[$((i % ${#draws[@]}))]}"
        b="${budgets[$((i % ${#budgets[@]}))]}"
        # 502 on an idempotent request, every flag but the texts.
        seed retry "t$i" "$policy" "$(le32 $attempt)" "$(le64 502)" "$(le64 1795521600)" "$(le64 "$d")" \
            "$(le64 $u64max)" "$(le64 $u64max)" '\x4f' "$b" '\x00'
        # 400 with DCS.4111 (busy), the clock at INT64_MIN.
        seed retry "b$i" "$policy" "$(le32 $attempt)" "$(le64 400)" "$(le64 "$min")" "$(le64 "$d")" \
            "$(le64 0)" "$(le64 0)" '\x66' "$b" '\x00' 'DCS.4111'
        # 503 with an HTTP-date Retry-After, the clock at INT64_MAX.
        seed retry "r$i" "$policy" "$(le32 $attempt)" "$(le64 503)" "$(le64 "$max")" "$(le64 "$d")" \
            "$(le64 0)" "$(le64 0)" '\x56' "$b" '\x1d' 'Sun, 06 Nov 1994 08:49:37 GMT'
        # 429 with a huge delay-seconds Retry-After and an error code the catalogue lacks.
        seed retry "h$i" "$policy" "$(le32 $attempt)" "$(le64 429)" "$(le64 0)" "$(le64 "$d")" \
            "$(le64 0)" "$(le64 1)" '\x7e' "$b" '\x28' "$digits" 'DCS.9999'
        i=$((i + 1))
    done
done
# Statuses that are not status codes, attempt 0.
for status in "$min" -1 0 99 1000 "$max"; do
    seed retry "s$status" "$default_policy" "$(le32 0)" "$(le64 "$status")" "$(le64 0)" "$(le64 0)" \
        "$(le64 0)" "$(le64 0)" '\x00'
done

echo "seeds: $(find "$out" -type f | wc -l) files in $out"
