/* Fake <stdbool.h> for tools/gen_bindings.py (see stdint.h). */
#ifndef CT_FAKE_STDBOOL_H
#define CT_FAKE_STDBOOL_H
#define bool _Bool
#define true 1
#define false 0
#endif
