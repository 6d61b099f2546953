/*
 * chain.c -- hashing an audit row onto the chain (chain.h).
 */
#include "config.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "core/chain.h"

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* One field: 0 for absent, else 1, its length (8 bytes, big-endian),
 * its bytes. */
static void
add_field(struct sha256_ctx *ctx, const char *s)
{
	uint8_t head[9];
	uint64_t len;

	if (s == NULL) {
		head[0] = 0;
		sha256_update(ctx, 1, head);
		return;
	}
	len = strlen(s);
	head[0] = 1;
	for (int i = 0; i < 8; i++)
		head[1 + i] = (uint8_t)(len >> (56 - 8 * i));
	sha256_update(ctx, sizeof head, head);
	sha256_update(ctx, (size_t)len, (const uint8_t *)s);
}

int
chain_hash(const char *prev, const struct chain_row *row,
	   char out[CHAIN_HEX])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t p[SHA256_DIGEST_SIZE] = { 0 }, d[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	char id[24];

	if (prev && *prev) {
		if (strlen(prev) != 2 * SHA256_DIGEST_SIZE)
			return -1;
		for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
			int hi = hex_value(prev[2 * i]);
			int lo = hex_value(prev[2 * i + 1]);

			if (hi < 0 || lo < 0)
				return -1;
			p[i] = (uint8_t)(hi << 4 | lo);
		}
	}
	snprintf(id, sizeof id, "%lld", (long long)row->id);
	sha256_init(&ctx);
	sha256_update(&ctx, sizeof p, p);
	add_field(&ctx, id);
	add_field(&ctx, row->time);
	add_field(&ctx, row->actor);
	add_field(&ctx, row->action);
	add_field(&ctx, row->record);
	add_field(&ctx, row->detail);
	sha256_digest(&ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
	return 0;
}
