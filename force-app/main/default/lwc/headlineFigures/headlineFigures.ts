import { LightningElement, api } from 'lwc';

/** A figure's change from the period before: the words carry it, the colour repeats it (up is good). */
export interface HeadlineChange {
    text: string;
    direction: 'up' | 'down' | 'none';
}

export interface HeadlineFigure {
    key: string;
    label: string;
    value: string;
    detail: string;
    /** Only where the panel compares with the period before, and it could read it. */
    change?: HeadlineChange | null;
}

/** The figures a panel leads with, as tiles: what it is, the value in large type, what it counts and any change. */
export default class HeadlineFigures extends LightningElement {
    @api figures: HeadlineFigure[] = [];

    get tiles() {
        return this.figures.map((figure) => ({
            ...figure,
            changeClass: figure.change ? `change change_${figure.change.direction}` : ''
        }));
    }
}
