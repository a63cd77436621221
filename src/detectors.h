/*
 * detectors.h -- constructors of the built-in detectors.  A detector that
 * judges a message by its vocabulary adds its terms to the engine's termset
 * and reads their matches from cg_doc.term_hits.  One with term-filtered
 * patterns of its own makes them members of the engine's filter group
 * (filtered_regex.h) and reads their candidates from cg_text.candidates.
 */
#ifndef CG_DETECTORS_H
#define CG_DETECTORS_H

#include "config.h"
#include "detect.h"
#include "evidence.h"
#include "filter_group.h"

cg_detector *cg_contact_detector_new(const cg_config *cfg, cg_termset *terms,
                                     cg_filter_group *group, GError **error);
cg_detector *cg_confidential_detector_new(const cg_config *cfg, cg_termset *terms,
                                          cg_filter_group *group, GError **error);
cg_detector *cg_media_detector_new(const cg_config *cfg, cg_termset *terms,
                                   cg_filter_group *group, GError **error);

#endif
