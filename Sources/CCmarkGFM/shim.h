#ifndef BRIEFING_CCMARKGFM_SHIM_H
#define BRIEFING_CCMARKGFM_SHIM_H

#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* The shared library exports these node types, but no installed header declares them. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;

/* Swift 6 rejects reading mutable C globals directly, so read them through functions. */
static inline cmark_node_type briefing_cmark_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type briefing_cmark_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type briefing_cmark_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }

#endif
