/*
 * ctensor/export.h: the CT_API export macro.
 *
 * libctensor is built with -fvisibility=hidden; only declarations marked
 * CT_API are exported, and the linker version script keeps the export list to
 * ct_* names.
 */
#ifndef CTENSOR_EXPORT_H
#define CTENSOR_EXPORT_H

#if defined(_WIN32)
#  if defined(CT_BUILDING_DLL)
#    define CT_API __declspec(dllexport)
#  else
#    define CT_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define CT_API __attribute__((visibility("default")))
#else
#  define CT_API
#endif

#endif /* CTENSOR_EXPORT_H */
