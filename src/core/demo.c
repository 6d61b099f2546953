/* src/core/demo.c -- being written. */
#include "config.h"
extern int mappa_stub_demo;
